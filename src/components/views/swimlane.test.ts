import { describe, expect, it } from 'vitest';
import { abbaCycle, abbaTrace, corruptionTrace, weakTrace } from './fixtures.js';
import { parse, texts } from './parse-html.js';
import { renderSwimlane } from './swimlane.js';

describe('renderSwimlane', () => {
  it('is a table with a caption, one column per actor and one row per step', () => {
    const root = parse(renderSwimlane(abbaTrace, abbaCycle));
    const table = root.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toContain('4 steps, 2 actors');
    expect(texts(table, 'thead th .fl-actor-name')).toEqual(['A', 'B']);
    expect(table.querySelectorAll('thead th[scope=col]').length).toBe(3);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row.querySelectorAll('th[scope=row], td').length).toBe(3);
  });

  it('puts each step in its actor’s column with its builtin, arguments and result', () => {
    const root = parse(renderSwimlane(weakTrace));
    const cells = Array.from(root.querySelectorAll('tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.querySelector('.fl-op')?.textContent ?? ''),
    );
    expect(cells).toEqual([
      ['WRITE_ONCE(x, 1)', '', ''],
      ['', 'READ_ONCE(x) → 0', ''],
      ['', '', 'drain(x = 1)'],
    ]);
    expect(texts(root, 'thead th .fl-actor-kind')).toEqual(['task, CPU 0', 'task, CPU 1', 'store buffer, CPU 0']);
  });

  it('describes a device actor without a CPU', () => {
    const trace = { ...weakTrace, actors: [...weakTrace.actors.slice(0, 2), { name: 'dma', kind: 'device' as const, cpu: 2 }] };
    expect(texts(parse(renderSwimlane(trace)), 'thead th .fl-actor-kind')).toEqual(['task, CPU 0', 'task, CPU 1', 'device']);
  });

  it('gives each step its call stack as a tooltip and as text for screen readers', () => {
    const root = parse(renderSwimlane(abbaTrace, abbaCycle));
    const first = root.querySelector('tbody tr td.fl-step')!;
    expect(first.querySelector('.fl-op')!.getAttribute('title')).toBe('lock_both:5 ← task_a:2');
    expect(first.querySelector('.fl-sr-text')!.textContent).toBe('; call stack, innermost first: lock_both:5 ← task_a:2');
  });

  it('marks blocked waits and the steps that close the deadlock cycle, in words', () => {
    const root = parse(renderSwimlane(abbaTrace, abbaCycle));
    const rows = Array.from(root.querySelectorAll('tbody tr'));
    expect(rows.map((r) => r.querySelector('.fl-blocked') !== null)).toEqual([false, false, true, true]);
    expect(rows.map((r) => r.querySelector('.fl-cycle') !== null)).toEqual([false, false, true, true]);
    expect(texts(root, 'tbody .fl-tag-cycle')).toEqual(['cycle: holds page 0, wants page 1', 'cycle: holds page 1, wants page 0']);
    expect(texts(root, 'thead .fl-tag-cycle')).toEqual(['in cycle', 'in cycle']);
    expect(parse(renderSwimlane(abbaTrace)).querySelector('.fl-cycle')).toBeNull();
  });

  it('draws a rule where the actor changes', () => {
    const root = parse(renderSwimlane(corruptionTrace));
    const rows = Array.from(root.querySelectorAll('tbody tr'));
    expect(rows.map((r) => r.classList.contains('fl-switch'))).toEqual([false, false, true]);
    expect(rows[2].querySelector('th')!.textContent).toBe('3, context switch');
  });

  it('highlights the current step', () => {
    const root = parse(renderSwimlane(abbaTrace, abbaCycle, { current: 2 }));
    const current = root.querySelectorAll('tr[aria-current=step]');
    expect(current.length).toBe(1);
    expect(current[0].getAttribute('data-step')).toBe('2');
    expect(current[0].classList.contains('fl-current')).toBe(true);
  });

  it('escapes reader-controlled names in text and attributes', () => {
    const html = renderSwimlane(abbaTrace, abbaCycle);
    expect(html).not.toContain('<img');
    const root = parse(html);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelectorAll('tbody tr')[3].querySelector('.fl-op')!.getAttribute('title')).toBe('<img src=x onerror=alert(1)>:6 ← task_b:2');
    expect(root.querySelector('.fl-step-note')!.textContent).toBe('waits "forever" & more');
  });

  it('keeps a step whose actor the trace does not list, in a column of its own', () => {
    const odd = { ...abbaTrace, steps: [{ ...abbaTrace.steps[0], actor: 7 }] };
    const root = parse(renderSwimlane(odd));
    expect(root.querySelectorAll('thead th').length).toBe(4);
    expect(root.querySelector('tbody tr td:last-child .fl-op')!.textContent).toBe('lock_page(page 0)');
  });
});
