import { describe, expect, it } from 'vitest';
import { abbaTrace, corruptionTrace, weakTrace } from './fixtures.js';
import { parse, texts } from './parse-html.js';
import { renderWorld } from './world.js';
import { byteText } from './bytes.js';

const captions = (root: ParentNode) => texts(root, 'table > caption');
const rowsOf = (root: ParentNode) => Array.from(root.querySelectorAll('tbody tr')).map((r) => texts(r, 'th, td').join(' | '));

describe('renderWorld', () => {
  it('shows page flags, lock owner and waiters, refcount and mapcount', () => {
    const root = parse(renderWorld(abbaTrace.steps[3].world, { actors: abbaTrace.actors }));
    expect(captions(root)).toEqual(['Tasks', 'Pages', 'Sleeping locks']);
    const pages = root.querySelectorAll('table')[1];
    expect(texts(pages, 'thead th')).toEqual(['page', 'flags', '_refcount', 'mapcount', 'lock owner', 'waiters', 'in page cache', 'bytes']);
    const page0 = Array.from(pages.querySelectorAll('tbody tr')[0].children).map((c) => c.textContent);
    expect(page0.slice(0, 7)).toEqual(['page 0', 'locked, uptodate', '1', '0', 'A', 'B', 'yes']);
    expect(texts(root.querySelectorAll('table')[2], 'tbody tr > *')).toEqual(['mmap_sem', 'free', 'none', 'none']);
  });

  it('marks the rows that changed since the previous step, in words', () => {
    const w = abbaTrace.steps;
    const root = parse(renderWorld(w[3].world, { actors: abbaTrace.actors, previous: w[2].world }));
    expect(texts(root, 'tr.fl-changed > th')).toEqual(['B changed', 'page 0 changed', 'mmap_sem changed']);
    expect(parse(renderWorld(w[3].world)).querySelector('.fl-changed')).toBeNull();
  });

  it('colours page bytes by writer, zeros and stale disk data apart, with a legend', () => {
    const root = parse(renderWorld(corruptionTrace.steps[0].world, { actors: corruptionTrace.actors }));
    const runs = Array.from(root.querySelectorAll('.fl-world-table .fl-run'));
    expect(runs.map((r) => [r.getAttribute('data-writer'), r.className, r.querySelector('.fl-run-values')!.textContent])).toEqual([
      ['nobody', 'fl-run fl-w-nobody', '00 00 00 00'],
      ['zero', 'fl-run fl-w-zero', '00 00'],
      ['stale', 'fl-run fl-w-stale', '"??"'],
      ['disk', 'fl-run fl-w-disk', '"a"'], // the disk itself
      ['stale', 'fl-run fl-w-stale', '"???"'],
    ]);
    expect(runs[0].getAttribute('title')).toBe('bytes 0–3 (0x00 0x00 0x00 0x00): nobody wrote it (uninitialised)');
    expect(texts(root, '.fl-legend li')).toEqual([
      'disk read from disk',
      'nobody nobody wrote it (uninitialised)',
      'stale stale disk data (a block never written)',
      'zero zero-filled by the kernel, no task wrote it',
    ]);
  });

  it('writes printable bytes as text and the rest in hex', () => {
    expect(byteText([0x61, 0x62, 0, 0x7f, 0x41])).toBe('"ab" 00 7f "A"');
    expect(byteText([])).toBe('');
  });

  it('gives a task’s bytes its swimlane column colour and names it', () => {
    const root = parse(renderWorld(corruptionTrace.steps[1].world, { actors: corruptionTrace.actors }));
    const run = root.querySelector('.fl-run[data-writer=W]')!;
    expect(run.className).toBe('fl-run fl-w-0');
    expect(run.querySelector('.fl-run-who')!.textContent).toBe('W');
    expect(texts(root, '.fl-legend li')).toEqual(['W written by W', 'disk read from disk', 'nobody nobody wrote it (uninitialised)', 'stale stale disk data (a block never written)', 'zero zero-filled by the kernel, no task wrote it']);
  });

  it('shows page-table entries, present or not', () => {
    const before = parse(renderWorld(corruptionTrace.steps[1].world));
    const after = parse(renderWorld(corruptionTrace.steps[2].world));
    expect(texts(before, 'table:nth-of-type(2) tbody tr > *')).toEqual(['R', '0x1000', 'not present', 'no']);
    expect(captions(after)).toContain('Page-table entries');
    expect(rowsOf(after)).toContain('R | 0x1000 | page 0 | yes');
  });

  it('shows shared memory and store buffers in weak mode', () => {
    const root = parse(renderWorld(weakTrace.steps[0].world, { actors: weakTrace.actors }));
    expect(captions(root)).toEqual(['Shared memory', 'Store buffers']);
    expect(rowsOf(root)).toEqual(['x | 0', 'r0 | 0', 'CPU 0 | x = 1', 'CPU 1 | empty']);
  });

  it('escapes names from the world', () => {
    const html = renderWorld({ pages: [], locks: [{ name: '<b>i_mutex</b>', state: 'held', holders: ['"A"'], waiters: [] }], tasks: [], ptes: [], disk: [] });
    expect(html).not.toContain('<b>');
    expect(texts(parse(html), 'tbody tr > *')).toEqual(['<b>i_mutex</b>', 'held', '"A"', 'none']);
  });
});
