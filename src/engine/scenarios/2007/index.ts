// The 2007 chapter's scenarios. ENGINE wrote the first three; add more below (one import each).
import mlock from './mlock.js';
import samePage from './same-page.js';
import twoWriters from './two-writers.js';

export default [samePage, twoWriters, mlock];
