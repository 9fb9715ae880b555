import { describe, expect, it } from 'vitest';
import { abbaCycle } from './fixtures.js';
import { parse, texts } from './parse-html.js';
import { describeCycle, renderWaitForGraph } from './wait-for-graph.js';

describe('renderWaitForGraph', () => {
  it('draws tasks and resources as nodes and the ABBA cycle as four highlighted edges', () => {
    const root = parse(renderWaitForGraph(abbaCycle));
    const svg = root.querySelector('svg')!;
    expect(texts(svg, '.fl-wfg-node > title')).toEqual(['resource page 0', 'task A', 'resource page 1', 'task B']);
    expect(texts(svg, '.fl-wfg-edge > title')).toEqual([
      'page 0 is held by A (in the cycle)',
      'A waits for page 1 (in the cycle)',
      'page 1 is held by B (in the cycle)',
      'B waits for page 0 (in the cycle)',
    ]);
    expect(svg.querySelectorAll('.fl-wfg-node.fl-wfg-cycle').length).toBe(4);
  });

  it('is an accessible image with a title and a description in words', () => {
    const svg = parse(renderWaitForGraph(abbaCycle)).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector(':scope > title')!.textContent).toBe('Wait-for graph');
    const desc = 'A holds page 0 and waits for page 1, held by B; B holds page 1 and waits for page 0, held by A.';
    expect(svg.querySelector(':scope > desc')!.textContent).toBe(desc);
    expect(svg.getAttribute('aria-label')).toBe(`Wait-for graph: ${desc}`);
  });

  it('lays out the same cycle the same way, with no ids to collide between cells', () => {
    const html = renderWaitForGraph(abbaCycle);
    expect(renderWaitForGraph(structuredClone(abbaCycle))).toBe(html);
    expect(html).not.toMatch(/\sid=/);
  });

  it('draws a self-deadlock as one task and one resource with two edges', () => {
    const self = [{ task: 'A', holds: 'page 0', wants: 'page 0' }];
    const svg = parse(renderWaitForGraph(self)).querySelector('svg')!;
    expect(svg.querySelectorAll('.fl-wfg-node').length).toBe(2);
    expect(svg.querySelectorAll('.fl-wfg-edge.fl-wfg-cycle').length).toBe(2);
    expect(describeCycle(self)).toBe('A holds page 0 and waits for page 0, held by A.');
  });

  it('does not highlight a hold that is off the cycle', () => {
    const cycle = [
      { task: 'A', holds: 'page 0', wants: 'mmap_sem' },
      { task: 'B', holds: 'mmap_sem', wants: 'page 0' },
      { task: 'C', holds: 'i_mutex', wants: 'page 0' },
    ];
    const svg = parse(renderWaitForGraph(cycle)).querySelector('svg')!;
    expect(texts(svg, '.fl-wfg-edge:not(.fl-wfg-cycle) > title')).toEqual(['i_mutex is held by C', 'C waits for page 0']);
  });

  it('takes a rwsem waited for in one mode and held plainly as one resource (real engine names)', () => {
    const cycle = [
      { task: 'writer', holds: 'lock of pageA', wants: 'mmap_sem (read)' },
      { task: 'mlocker', holds: 'mmap_sem', wants: 'lock of pageA' },
    ];
    const svg = parse(renderWaitForGraph(cycle)).querySelector('svg')!;
    expect(texts(svg, '.fl-wfg-node > title')).toEqual(['resource lock of pageA', 'task writer', 'resource mmap_sem', 'task mlocker']);
    expect(svg.querySelectorAll('.fl-wfg-edge:not(.fl-wfg-cycle)').length).toBe(0);
    expect(texts(svg, '.fl-wfg-edge > title')[1]).toBe('writer waits for mmap_sem (read) (in the cycle)');
    expect(describeCycle(cycle)).toBe(
      'writer holds lock of pageA and waits for mmap_sem (read), held by mlocker; mlocker holds mmap_sem and waits for lock of pageA, held by writer.',
    );
  });

  it('escapes names and returns nothing for an empty cycle', () => {
    const html = renderWaitForGraph([{ task: '<script>x</script>', holds: 'a&b', wants: '"q"' }]);
    expect(html).not.toContain('<script>');
    expect(parse(html).querySelector('script')).toBeNull();
    expect(renderWaitForGraph([])).toBe('');
  });

  it('keeps every node inside the view box', () => {
    const svg = parse(renderWaitForGraph(abbaCycle)).querySelector('svg')!;
    const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    for (const r of svg.querySelectorAll('rect')) {
      const x = Number(r.getAttribute('x'));
      const y = Number(r.getAttribute('y'));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + Number(r.getAttribute('width'))).toBeLessThanOrEqual(w);
      expect(y + Number(r.getAttribute('height'))).toBeLessThanOrEqual(h);
    }
  });
});
