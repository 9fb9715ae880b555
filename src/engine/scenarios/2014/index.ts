// The 2014 sealing thread's scenarios, on kernel 3.17 (get_user_pages() and a DMA driver).
// One line per scenario; the registry (../index.ts) lists them by id.
export { default as sealAfterIo } from './seal-after-io.js';
export { default as sealScanOrder } from './seal-scan-order.js';
export { default as sealVsGup } from './seal-vs-gup.js';
export { default as sealVsGupFast } from './seal-vs-gup-fast.js';
