// The 2019 chapter's scenarios: pins, writeback, DMA and the memory models.
// One line per scenario; the registry (../index.ts) lists them by id.
export { default as barrierRace } from './barrier-race.js';
export { default as biasCount } from './bias-count.js';
export { default as gupFastWriteback } from './gup-fast-writeback.js';
export { default as gupWriteback } from './gup-writeback.js';
export { default as sb } from './sb.js';
export { default as snapshotRace, snapshotRaceGup } from './snapshot-race.js';
