// Kernel code that several scenarios share, written once in the strategy language; a scenario
// puts a helper into its `code:` section by name, e.g. `${kswapdOf('B')}`.
export { DENY_WRITABLE } from './deny-writable.js';
export { kswapdOf } from './reclaim.js';
export { UNMAP } from './unmap.js';
