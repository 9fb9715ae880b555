// The 2014 sealing thread's scenarios (written with the 2019 kernel model, CH2019).
import sealVsGup from './seal-vs-gup.js';
import sealVsGupFast from './seal-vs-gup-fast.js';
import sealScanOrder from './seal-scan-order.js';
import sealAfterIo from './seal-after-io.js';

export default [sealVsGup, sealVsGupFast, sealScanOrder, sealAfterIo];
