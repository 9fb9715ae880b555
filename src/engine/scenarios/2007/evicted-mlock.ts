// The race the January patch is for, with its prefault in place: the writer faults its source
// (a mapping of the very page it writes) in first, reclaim evicts that page again before the
// write path looks it up, so the page-cache page the writer gets is new and not up to date, and
// the copy's source is that same page; meanwhile another thread mlock()s the mapping (2,8 and
// 2,6;b,f on the !PageUptodate path). The new page is not up to date, so even 2.6.20 as released,
// whose fault path locks only such pages, deadlocks here.
import { kswapdOf } from '../library/index.js';

export default String.raw`id          2007/evicted-mlock
title       write() from a mapping of the page being written, the page evicted meanwhile, against mlock()
description A writer thread write()s two bytes to file A's page 0 from a buffer that maps file A's page 0.
description kswapd may evict the page at any moment, so the writer can find it gone (not up to date)
description after faulting its source in. Another thread of the process mlock()s the mapping.
model       sc
kernel      2.6.20
strategy    src/content/cells/2007-pagecache-write-deadlocks/temp-page.c
page-size   4

file A "abcd"
pool 3
mm   m0
map  m0 0x1000 file A writable           # the writer's buffer, and what mlock() faults in

rwsem unpaging_lock                      # for Andrew's unpaging_lock proposal (2007 chapter)
mutex dont_truncate                      # for Anton's page flag (2007 chapter)

task writer  cpu 0 mm m0 : sys_write(A, 0, 0x1000, 2)
task mlocker cpu 1 mm m0 : sys_mlock(0x1000, 4)
task kswapd  cpu 2       : kswapd()

code:
${kswapdOf('A')}
`;
