// The store-buffering (SB) litmus shape under the barrier scheme, with plain shared words.
export default String.raw`id          2019/sb
title       Store buffering: each CPU writes its flag, then reads the other's
description P0 (the pin side) writes pinned, then reads writeback; P1 (the writeback side) writes
description writeback, then reads pinned. Each records what it read in r0 or r1. If both read 0,
description each missed the other: the scheme's "either one or the other sees it" is broken.
model       sc
kernel      5.0
strategy    src/content/cells/2019-gup-pinning/sb-litmus.c

global pinned
global writeback
global r0
global r1

task P0    cpu 0 : P0()
task P1    cpu 1 : P1()
task check cpu 2 : check()

code:
void check(void)
{
	wait_for_other_tasks();
	oracle_not_both_zero(&r0, &r1);
}
`;
