// A writer fills a page and announces it with a page flag; a reader copies the page out once it
// sees the flag. Announce before filling, and the reader can copy bytes nobody wrote.
export default String.raw`id          primer/flag-race
title       A reader and a writer racing on a flag
description The writer copies two bytes into a fresh page and sets PG_uptodate; the reader, if it
description sees PG_uptodate, copies the page to its buffer. The order of the writer's two steps decides
description whether the reader can see bytes nobody wrote.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/primer/flag-race.c

page page0                       # a fresh page: its bytes were never written
mm   m0
anon m0 0x1000 ".." writable     # the reader's buffer
anon m0 0x2000 "hi"              # the writer's data

task writer cpu 0 mm m0 : writer()
task reader cpu 1 mm m0 : reader()
`;
