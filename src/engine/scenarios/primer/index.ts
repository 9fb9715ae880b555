import abba from './abba.js';

export default [abba];
