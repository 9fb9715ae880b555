// The common case, for the cost table: one fault on a cached, up-to-date page; nothing races.
export default String.raw`id          2006/fault
title       One page fault on a cached page, nothing racing
description A task faults on its mapping of file A's page 0, which is cached and up to date.
model       sc
kernel      2.6.20
strategy    src/content/cells/2006-fault-vs-invalidate/lock-page-fault.c
page-size   2

file A "ab"
page pageA file A index 0 uptodate
pool 1
mm   m0
map  m0 0x1000 file A
mutex ptl                                # the page-table lock
global truncate_count = 0                # mapping->truncate_count

task faulter cpu 0 mm m0 : do_page_fault(0x1000, 0)
`;
