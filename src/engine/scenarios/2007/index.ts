// The 2007 chapter's scenarios: the patch's three deadlocks and one scenario per objection in
// the thread.
// One line per scenario; the registry (../index.ts) lists them by id.
export { default as antonInvalidate } from './anton-invalidate.js';
export { default as antonReadpageFlag } from './anton-readpage-flag.js';
export { default as antonRetry } from './anton-retry.js';
export { default as append } from './append.js';
export { default as evictedMlock } from './evicted-mlock.js';
export { default as getUserTwice } from './get-user-twice.js';
export { default as gupPinKernelThread } from './gup-pin-kernel-thread.js';
export { default as idea42 } from './idea-42.js';
export { default as mlock } from './mlock.js';
export { default as performWrite } from './perform-write.js';
export { default as samePage } from './same-page.js';
export { default as shortCommitStale } from './short-commit-stale.js';
export { default as twoWriters } from './two-writers.js';
export { default as uncachedMlock } from './uncached-mlock.js';
export { default as unpagingLock } from './unpaging-lock.js';
export { default as zeroTailBailout } from './zero-tail-bailout.js';
export { default as zeroTailReader } from './zero-tail-reader.js';
