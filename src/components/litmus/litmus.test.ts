// The litmus cell's build-time half: the 2019 barrier scheme decided under each model, its
// evidence rendered (the forbidding cycle drawn, or a witness), and errors that show the line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, renderAnswer, renderExecutionSvg, type Decided } from './index';

const read = (name: string) => readFileSync(new URL(`../../content/cells/2019-gup-pinning/${name}.litmus`, import.meta.url), 'utf8');
const scheme = read('barrier-scheme');
const full = read('barrier-scheme-full');

describe('decide', () => {
  it('answers the scheme as written: sc and tso forbid both-old, weak and lkmm allow it', () => {
    const results = (['sc', 'tso', 'weak', 'lkmm'] as const).map((m) => decide(scheme, m)).map((a) => (a.ok ? a.result : a.message));
    expect(results).toEqual(['Never', 'Never', 'Sometimes', 'Sometimes']);
  });

  it('gives lkmm a cycle (with the execution to draw) for Never and a witness for Sometimes', () => {
    const never = decide(full, 'lkmm') as Decided;
    expect(never.result).toBe('Never');
    expect(never.cycle?.axiom).toBe('propagation');
    expect(never.graph?.events.length).toBeGreaterThan(0);
    expect(never.witness).toBeNull();
    const some = decide(scheme, 'lkmm') as Decided;
    expect(some.cycle).toBeNull();
    expect(some.witness?.some((l) => l.includes('rf:'))).toBe(true);
  });

  it('names the reader\'s line of a syntax error and of an unsupported call', () => {
    const broken = full.replace('smp_mb__after_atomic();', 'smp_mb__after_atomic(;');
    const a = decide(broken, 'lkmm');
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.source).toContain('smp_mb__after_atomic(;');
    expect(a.line).toBe(full.split('\n').findIndex((l) => l.trim() === 'smp_mb__after_atomic();') + 1);
    const html = renderAnswer(a);
    // the line comes before the message
    expect(html.indexOf('smp_mb__after_atomic(;')).toBeLessThan(html.indexOf('Line '));
    const odd = decide(full.replace('smp_mb__after_atomic();', 'frobnicate(flags);'), 'weak');
    expect(odd.ok ? odd.result : odd.message).toMatch(/unsupported.*frobnicate/);
  });
});

describe('renderAnswer', () => {
  it('draws the forbidding cycle as an accessible SVG next to its text', () => {
    const html = renderAnswer(decide(full, 'lkmm'));
    expect(html).toContain('data-fl-litmus-verdict="Never"');
    expect(html).toContain('Result: Never');
    expect(html).toContain('data-fl-litmus-cycle="propagation"');
    expect(html).toMatch(/<svg class="fl-lx" role="img" aria-labelledby="[^"]+"/);
    expect(html).toContain('<title');
    // two pb edges, each through fre and strong-fence: four cycle hops drawn
    expect(html.match(/fl-lx-edge fl-lx-cycle/g)?.length).toBe(4);
    expect(html).toContain('>overwrite &amp; ext [fre]<');
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('marks the states satisfying the condition and escapes what the test says', () => {
    const html = renderAnswer(decide(scheme, 'weak'));
    expect(html).toContain('Result: Sometimes');
    expect(html.match(/class="fl-litmus-sat"/g)?.length).toBe(1);
    expect(html).toContain('exists (0:r0=0 /\\ 1:r2=0)');
  });
});

describe('renderExecutionSvg', () => {
  it('skips edges to events it does not have and escapes labels', () => {
    const svg = renderExecutionSvg({
      events: [{ id: 0, thread: -1, label: 'W x=0' }, { id: 1, thread: 0, label: 'R[Once] x=<0>' }],
      edges: [{ from: 0, to: 1, rel: 'rf' }, { from: 0, to: 7, rel: 'co' }],
    }, null, 'a <test>');
    expect(svg).toContain('x=&lt;0&gt;');
    expect(svg).toContain('a &lt;test&gt;');
    expect(svg.match(/fl-lx-edge/g)?.length).toBe(1);
  });
});
