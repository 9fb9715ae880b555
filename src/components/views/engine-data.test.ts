// The views on real engine results, not only on hand-written fixtures: whatever the engine
// puts in a CheckResult, the views must accept it and show what matters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../engine/index.js';
import { parse, texts } from './parse-html.js';
import { renderResultViews } from './result-views.js';
import { renderStepWorld } from './scrubber.js';

const cell = (path: string) => readFileSync(join(process.cwd(), 'src/content/cells', path), 'utf8');

function everyWorld(result: CheckResult): string[] {
  const trace = result.trace!;
  return trace.steps.map((_, k) => renderStepWorld(trace, k + 1));
}

describe('views of real engine results', () => {
  it('primer/abba: one line per step, one lane per task, the cycle marked and drawn', () => {
    const result = check({ scenario: 'primer/abba', strategy: cell('2007-pagecache-write-deadlocks/abba.c') });
    expect(result.outcome).toBe('deadlock');
    const root = parse(renderResultViews(result));
    const trace = result.trace!;
    expect(root.querySelectorAll('[data-fl-lanes] li[data-step]').length).toBe(trace.steps.length);
    expect(texts(root, '[data-fl-lanes] .fl-lanes-head .fl-badge')).toEqual(trace.actors.map((a) => a.name));
    expect(root.querySelectorAll('[data-fl-lanes] li.fl-cycle').length).toBe(result.cycle!.length);
    expect(root.querySelector('[data-fl-lanes] .fl-lanes-cycle')!.textContent).toMatch(/^⟲Deadlock cycle: /);
    expect(root.querySelectorAll('svg .fl-wfg-edge').length).toBe(2 * result.cycle!.length);
    expect(root.querySelectorAll('svg .fl-wfg-edge:not(.fl-wfg-cycle)').length).toBe(0);
    expect(root.querySelector('.fl-verdict-word')!.textContent).toBe('Deadlock');
    expect(everyWorld(result).every((html) => html.includes('fl-world-table'))).toBe(true);
  });

  it('2007/mlock: a rwsem held plainly and waited for by mode closes one cycle', () => {
    const result = check({ scenario: '2007/mlock' });
    expect(result.outcome).toBe('deadlock');
    const svg = parse(renderResultViews(result)).querySelector('svg.fl-wfg')!;
    expect(svg.querySelectorAll('.fl-wfg-edge').length).toBe(4);
    expect(svg.querySelectorAll('.fl-wfg-edge:not(.fl-wfg-cycle)').length).toBe(0);
  });

  it('2007/same-page: a self-deadlock, with the call stack of each step', () => {
    const result = check({ scenario: '2007/same-page' });
    expect(result.outcome).toBe('deadlock');
    const root = parse(renderResultViews(result));
    expect(root.querySelectorAll('svg .fl-wfg-node').length).toBe(2);
    const deepest = Math.max(...result.trace!.steps.map((s) => s.stack.length));
    const tips = Array.from(root.querySelectorAll('[data-fl-lanes] .fl-op')).map((c) => c.getAttribute('title')!.split(' ← ').length);
    expect(Math.max(...tips)).toBe(deepest);
  });

  it('primer/flag-race: the bytes nobody wrote, exposed by the read, show red and say so', () => {
    const result = check({ scenario: 'primer/flag-race', strategy: cell('primer/flag-race.c') });
    expect(result.outcome).toBe('corruption');
    const root = parse(renderResultViews(result));
    const nobody = root.querySelectorAll('[data-fl-world] .fl-run.fl-w-nobody');
    expect(nobody.length).toBeGreaterThan(0);
    expect(nobody[0].getAttribute('title')).toContain('nobody wrote it');
    expect(texts(root, '[data-fl-world] .fl-legend li')).toContain('nobody nobody wrote it (uninitialised)');
  });

  it('a weak-memory scenario: a column per store buffer, the buffers in the world, the finals', () => {
    const scenario = [
      'id views/message-passing',
      'model weak',
      'global x = 0',
      'global y = 0',
      'global r0 = 0',
      'global r1 = 0',
      'observe r0 r1',
      'task p0 cpu 0 : p0()',
      'task p1 cpu 1 : p1()',
      'code:',
      'void p0(void) { WRITE_ONCE(x, 1); WRITE_ONCE(y, 1); }',
      'void p1(void) { r0 = READ_ONCE(y); r1 = READ_ONCE(x); BUG_ON(r0 == 1 && r1 == 0); }',
    ].join('\n');
    const result = check({ scenario });
    expect(result.diagnostics).toEqual([]);
    const trace = result.trace!;
    const buffers = trace.actors.filter((a) => a.kind === 'buffer').length;
    expect(buffers).toBeGreaterThan(0);
    const root = parse(renderResultViews(result));
    expect(texts(root, '[data-fl-lanes] .fl-lanes-head .fl-actor-kind').filter((k) => k.startsWith('store buffer')).length).toBe(buffers);
    const buffered = trace.steps.findIndex((s) => (s.world.buffers ?? []).some((b) => b.entries.length > 0));
    expect(buffered).toBeGreaterThanOrEqual(0);
    expect(texts(parse(renderStepWorld(trace, buffered + 1)), 'caption')).toContain('Store buffers');
    expect(root.querySelectorAll('.fl-finals tbody tr').length).toBe(result.finals!.length);
  });
});
