import abba from './abba.js';
import flagRace from './flag-race.js';

export default [abba, flagRace];
