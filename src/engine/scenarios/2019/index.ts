// The 2019 chapter's scenarios: pins, writeback, DMA and the memory models.
import barrierRace from './barrier-race.js';
import biasCount from './bias-count.js';
import gupFastWriteback from './gup-fast-writeback.js';
import gupWriteback from './gup-writeback.js';
import sb from './sb.js';
import snapshotRace from './snapshot-race.js';

export default [gupWriteback, gupFastWriteback, snapshotRace, barrierRace, sb, biasCount];
