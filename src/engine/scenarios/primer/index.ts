// The primer's scenarios: two locks, and a flag racing its data.
// One line per scenario; the registry (../index.ts) lists them by id.
export { default as abba } from './abba.js';
export { default as flagRace } from './flag-race.js';
