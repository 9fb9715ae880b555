// The 2014 sealing thread's scenarios, on kernel 3.17 (get_user_pages() and a DMA driver).
import sealVsGup from './seal-vs-gup.js';
import sealVsGupFast from './seal-vs-gup-fast.js';
import sealScanOrder from './seal-scan-order.js';
import sealAfterIo from './seal-after-io.js';

export default [sealVsGup, sealVsGupFast, sealScanOrder, sealAfterIo];
