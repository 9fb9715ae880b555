// The 2006 chapter's scenarios (fault vs invalidate).
// One line per scenario; the registry (../index.ts) lists them by id.
export { default as fault } from './fault.js';
export { default as invalidate } from './invalidate.js';
export { default as truncate } from './truncate.js';
