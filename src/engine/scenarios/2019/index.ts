// The 2019 chapter's scenarios (CH2019): pins, writeback, DMA and the memory models.
import barrierRace from './barrier-race.js';
import biasCount from './bias-count.js';
import gupFastWriteback from './gup-fast-writeback.js';
import gupWriteback from './gup-writeback.js';
import sb from './sb.js';
import snapshotRace, { snapshotRaceGup } from './snapshot-race.js';

export default [gupWriteback, gupFastWriteback, snapshotRace, snapshotRaceGup, barrierRace, sb, biasCount];
