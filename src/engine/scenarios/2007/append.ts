// The common case Andrew Morton meant ("write() into a non-uptodate page is very much the common
// case"): a write into a page that is not in the cache, from an ordinary anonymous buffer that is
// already faulted in. No danger here; the chapter runs every proposal on it to compare costs.
export default String.raw`id          2007/append
title       write() into an uncached page from an ordinary buffer
description One task write()s four bytes over file A's page 0, which is not in the page cache, from an
description anonymous buffer it has already touched. Nothing races with it: this is the cost baseline.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/temp-page.c
page-size   4

file A "abcd"
pool 2
mm   m0
anon m0 0x1000 "WXYZ"                    # the writer's buffer, present

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer cpu 0 mm m0 : sys_write(A, 0, 0x1000, 4)
`;
