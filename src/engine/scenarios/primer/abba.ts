// Two tasks, two pages, locked in opposite orders.
export default String.raw`id          primer/abba
title       Two locks in opposite order
description Two tasks each lock two pages and unlock them. If they take the locks in opposite
description orders, each can end up holding one page and sleeping on the other.
model       sc
kernel      2.6.20-fault-lock
strategy    src/content/cells/2007-pagecache-write-deadlocks/abba.c

page page0
page page1

task task_a cpu 0 : task_a()
task task_b cpu 1 : task_b()
`;
