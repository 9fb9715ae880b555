// The 2006 chapter's scenarios (fault vs invalidate).
import invalidate from './invalidate.js';
import truncate from './truncate.js';
import fault from './fault.js';

export default [invalidate, truncate, fault];
