// The 2007 chapter's scenarios. ENGINE wrote the first three; add more below (one import each).
import mlock from './mlock.js';
import samePage from './same-page.js';
import twoWriters from './two-writers.js';
// CH2007's scenarios
import uncachedMlock from './uncached-mlock.js';
import gupPinKernelThread from './gup-pin-kernel-thread.js';
import zeroTailReader from './zero-tail-reader.js';
import zeroTailBailout from './zero-tail-bailout.js';
import idea42 from './idea-42.js';
import performWrite from './perform-write.js';
import unpagingLock from './unpaging-lock.js';
import antonInvalidate from './anton-invalidate.js';
import antonReadpageFlag from './anton-readpage-flag.js';
import shortCommitStale from './short-commit-stale.js';
import evictedMlock from './evicted-mlock.js';
import append from './append.js';
import getUserTwice from './get-user-twice.js';
import antonRetry from './anton-retry.js';

export default [
  samePage, twoWriters, mlock,
  uncachedMlock, gupPinKernelThread, zeroTailReader, zeroTailBailout, idea42, performWrite, unpagingLock, antonInvalidate, antonReadpageFlag, shortCommitStale, evictedMlock, append, getUserTwice, antonRetry,
];
