// Jan Kara's refcount bias, counted: how many ordinary references make an unpinned page look
// pinned? The answer is a final state (pinned = 0 or 1), not a failure: false positives are the
// price the scheme accepts.
export default String.raw`id          2019/bias-count
title       Ordinary references against the pin bias
description Page 0 of a file is cached and mapped once, and nobody pins it. One task adds a number
description of ordinary references and records what page_pinned() says in the global pinned.
model       sc
kernel      5.0
strategy    src/content/cells/2019-gup-pinning/bias-count.c
page-size   4

file A "abcd"
page page0 file A index 0 uptodate private
mm   m0
map  m0 0x1000 file A writable populated

global pinned
observe pinned

task counter cpu 0 : count_refs(page0)
`;
