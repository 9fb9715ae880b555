// Andrew Morton's zeroed tail against a concurrent reader: the writer's source page is
// reclaimed between the fault-in and the atomic copy, the copy comes up short, the tail is
// zeroed and committed (uptodate), and a reader of the same page sees the zeros.
import { kswapdOf } from '../library/index.js';

export default String.raw`id          2007/zero-tail-reader
title       A short atomic copy, and a reader of the same page
description A writer write()s four bytes over file A's page 0 (cached, not up to date) from a buffer whose second
description half maps file B's page; kswapd may reclaim B's page at any moment. Another process
description read()s the last byte of file A's page 0, which the writer is about to overwrite.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/zero-tail-reader.c
page-size   4

file A "abcd"
file B "YZ"
page pageA file A index 0                # in the cache, not yet read: not up to date
page pageB file B index 0 uptodate
pool 2
mm   m0
anon m0 0x1000 "..WX"                    # the writer's buffer starts at 0x1002: "WX" ...
map  m0 0x1004 file B populated          # ... and goes on in file B's page: "YZ"
mm   m1
anon m1 0x3000 "." writable              # the reader's buffer

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer  cpu 0 mm m0 : sys_write(A, 0, 0x1002, 4)
task kswapd  cpu 1       : kswapd()
task reader  cpu 2 mm m1 : sys_read(A, 3, 0x3000, 1)

code:
${kswapdOf('B')}
`;
