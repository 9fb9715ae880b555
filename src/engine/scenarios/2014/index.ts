// The 2014 sealing thread's scenarios (written with the 2019 kernel model, CH2019).
import sealVsGup from './seal-vs-gup.js';

export default [sealVsGup];
