// The same question put to the engine: boot the printed program, let the explorer search it, and
// read the reachable final outcomes, deadlocks and bugs off its graph in the reference's terms.
import type { MemoryModel } from '../../api.js';
import { boot } from '../../kernel/boot.js';
import { Status } from '../../kernel/machine.js';
import { explore, releaseGraph } from '../../explore/index.js';
import type { InternalStep } from '../../memory/model.js';
import { parseScenario } from '../../scenarios/format.js';
import { outcomeWords, scenarioText, strategyText, type Program } from './program.js';
import type { Outcomes } from './interpret.js';

export function engineOutcomes(p: Program, model: MemoryModel, maxStates = 2_000_000): Outcomes {
  const parsed = parseScenario(scenarioText(p));
  if (!parsed.spec) throw new Error(`scenario does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  const strategy = strategyText(p);
  const b = boot(parsed.spec, strategy, model);
  if (!b.machine || !b.initial || b.diagnostics.length) throw new Error(`program does not compile:\n${strategy}\n${JSON.stringify(b.diagnostics)}`);
  if (b.startFault) throw new Error(`a task faults before its first step: ${b.startFault.message}`);
  const m = b.machine;
  const L = m.layout;
  const g = explore(m, b.initial, { maxStates, maxMillis: 1e9 }, []);
  if (!g.exhaustive) throw new Error(`the engine's search stopped (${g.stoppedBy}) on seed ${p.seed}`);
  const addr = outcomeWords(p).map((name) => m.program.globals.findIndex((x) => x.name === name));
  const out: Outcomes = { finals: new Set(), deadlock: g.deadlocks.length > 0, bug: false, states: g.store.count };
  for (const bad of g.bad) {
    if (bad.status !== Status.BUG) throw new Error(`unexpected ${bad.status === Status.CORRUPT ? 'corruption' : 'budget'} on seed ${p.seed}`);
    out.bug = true;
  }
  const w = new Int32Array(g.store.size);
  const steps: InternalStep[] = [];
  for (const s of g.finals) {
    g.store.load(s, w);
    // a final state whose buffers still hold stores is not an outcome yet: its drains lead to those
    steps.length = 0;
    m.memory.internalSteps(w, L.memBase, L.mem, steps);
    if (steps.length) continue;
    out.finals.add(addr.map((a) => w[L.memBase + a]).join(','));
  }
  releaseGraph(g);
  return out;
}
