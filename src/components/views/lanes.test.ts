import { describe, expect, it } from 'vitest';
import { abbaCycle, abbaTrace, weakTrace } from './fixtures.js';
import { blockedSpans, renderLanes } from './lanes.js';
import { parse, texts } from './parse-html.js';
import { renderWorldDiagram } from './world-diagram.js';

describe('renderLanes', () => {
  it('has a lane per actor and a line per step, each in its actor’s lane with its badge', () => {
    const root = parse(renderLanes(weakTrace));
    expect(root.querySelector('ol')!.className).toContain('fl-lanes-3');
    expect(texts(root, '.fl-lanes-head .fl-badge')).toEqual(['p0', 'p1', 'buf0'].slice(0, weakTrace.actors.length).map((_, i) => weakTrace.actors[i].name));
    const lines = Array.from(root.querySelectorAll('li[data-step]'));
    expect(lines.length).toBe(weakTrace.steps.length);
    lines.forEach((line, i) => {
      const body = line.querySelector('.fl-ln-body')!;
      expect(body.className).toContain(`fl-lane-${weakTrace.steps[i].actor}`);
      expect(body.querySelector('.fl-badge')!.textContent).toBe(weakTrace.actors[weakTrace.steps[i].actor].name);
    });
  });

  it('draws a blocked wait as a bar down its lane until the actor runs again', () => {
    // ABBA: A blocks at step 3 and never runs again; B blocks at step 4, the last
    expect(blockedSpans(abbaTrace)).toEqual([{ actor: 0, from: 5, to: 6 }]);
    const bar = parse(renderLanes(abbaTrace, abbaCycle)).querySelector('li.fl-bar')!;
    expect(bar.getAttribute('aria-hidden')).toBe('true');
    expect(bar.getAttribute('style')).toBe('grid-row:5 / 6');
    expect(bar.className).toContain('fl-lane-0');
  });

  it('draws the deadlock cycle under the last step and says it in words', () => {
    const root = parse(renderLanes(abbaTrace, abbaCycle));
    const cycle = root.querySelector('.fl-lanes-cycle')!;
    expect(cycle.querySelectorAll('svg.fl-cycle-svg line').length).toBe(6); // three segments per edge
    expect(cycle.querySelector('.fl-cycle-words')!.textContent).toBe(
      'Deadlock cycle: A waits for page 1, held by B; B waits for page 0, held by A.',
    );
    expect(root.querySelectorAll('li.fl-cycle').length).toBe(2);
    expect(texts(root, '.fl-lanes-head .fl-tag-cycle')).toEqual(['in cycle', 'in cycle']);
  });

  it('draws a task waiting for itself as a loop on its own lane', () => {
    const self = [{ task: 'A', holds: 'page 0', wants: 'page 0' }];
    const svg = parse(renderLanes(abbaTrace, self)).querySelector('.fl-cycle-svg')!;
    expect(svg.querySelector('path')).not.toBeNull();
    expect(svg.querySelectorAll('line').length).toBe(0);
  });
});

describe('renderWorldDiagram', () => {
  it('shows pages as cards with flags, lock holder, waiters and counts, and the PTEs pointing at them', () => {
    const world = {
      pages: [{ id: 0, name: 'pageA', flags: ['locked', 'uptodate'], refcount: 2, mapcount: 1, lockOwner: 'writer', waiters: ['writer'], bytes: [], inCache: true }],
      locks: [{ name: 'mmap_sem', state: 'read-locked', holders: ['writer'], waiters: [] }],
      tasks: [{ name: 'writer', state: 'blocked' as const, cpu: 0 }],
      ptes: [{ mm: 'mm0', addr: 0x1000, page: 0, writable: true }, { mm: 'mm0', addr: 0x2000, page: null, writable: false }],
      disk: [],
    };
    const root = parse(renderWorldDiagram(world));
    const card = root.querySelector('.fl-wd-page')!;
    expect(texts(card, '.fl-flag')).toEqual(['locked', 'uptodate']);
    expect(card.querySelector('.fl-wd-lock')!.textContent).toBe('locked by writer');
    expect(card.querySelector('.fl-wd-waiters')!.textContent).toBe('waiting: writer');
    expect(card.querySelector('.fl-wd-counts')!.textContent).toBe('_refcount 2 · mapcount 1');
    expect(texts(root, '.fl-wd-mm li')).toEqual(['0x1000 → maps pageA writable', '0x2000 → maps not present']);
    expect(texts(root, '.fl-wd-lockbox p')).toEqual(['mmap_sem read-locked', 'held by writer']);
  });

  it('marks what changed since the previous step, in words too', () => {
    const page = { id: 0, name: 'p', flags: [], refcount: 1, mapcount: 0, lockOwner: null, waiters: [], bytes: [], inCache: true };
    const before = { pages: [page], locks: [], tasks: [], ptes: [], disk: [] };
    const after = { ...before, pages: [{ ...page, refcount: 2 }] };
    const root = parse(renderWorldDiagram(after, { previous: before }));
    expect(root.querySelector('.fl-wd-page.fl-changed .fl-tag-changed')!.textContent).toBe('changed');
    expect(parse(renderWorldDiagram(after, { previous: after })).querySelector('.fl-changed')).toBeNull();
  });
});

describe('traceText', () => {
  it('lists every step with its actor, marks switches and blocked waits, and names the cycle', async () => {
    const { traceText } = await import('./trace-text.js');
    expect(traceText(abbaTrace, abbaCycle).split('\n')).toEqual([
      ' 1 A  lock_page(page 0)',
      '↷2 B  lock_page(page 1)',
      '↷3 A  lock_page(page 1) [blocked]',
      '↷4 B  lock_page(page 0) [blocked] (waits "forever" & more)',
      'Deadlock cycle: A holds page 0 and waits for page 1, held by B; B holds page 1 and waits for page 0, held by A.',
      '(↷ marks a context switch)',
    ]);
  });
});
