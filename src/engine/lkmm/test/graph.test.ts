// The drawable graph of an execution: po between neighbours, rf, co between neighbours, fr to the
// co-next write; and a cycle's edges name events of that same graph by id.
import { describe, expect, it } from 'vitest';
import { runLkmm } from '../index.js';

const sb = (fence: string) => `C SB
{}
P0(int *x, int *y)
{
	int r0;
	WRITE_ONCE(*x, 1);
	${fence}
	r0 = READ_ONCE(*y);
}
P1(int *x, int *y)
{
	int r1;
	WRITE_ONCE(*y, 1);
	smp_mb();
	r1 = READ_ONCE(*x);
}
exists (0:r0=0 /\\ 1:r1=0)
`;

describe('executionGraph', () => {
  it('draws the witness of SB without a fence: both reads from init, fr to the other side\'s write', () => {
    const r = runLkmm(sb(''));
    expect(r.result).toBe('Sometimes');
    const g = r.graph!;
    const label = (id: number) => { const e = g.events.find((v) => v.id === id)!; return `${e.thread}:${e.label}`; };
    const rels = (rel: string) => g.edges.filter((e) => e.rel === rel).map((e) => `${label(e.from)} -> ${label(e.to)}`).sort();
    expect(rels('fr')).toEqual(['0:R[Once] y=0 -> 1:W[Once] y=1', '1:R[Once] x=0 -> 0:W[Once] x=1']);
    expect(rels('co')).toEqual(['-1:W x=0 -> 0:W[Once] x=1', '-1:W y=0 -> 1:W[Once] y=1']);
    expect(rels('rf')).toEqual(['-1:W x=0 -> 1:R[Once] x=0', '-1:W y=0 -> 0:R[Once] y=0']);
    // P0 has two events (no fence), P1 three: po joins neighbours only
    expect(rels('po')).toEqual(['0:W[Once] x=1 -> 0:R[Once] y=0', '1:Mb -> 1:R[Once] x=0', '1:W[Once] y=1 -> 1:Mb']);
  });

  it('gives the forbidding cycle of SB with smp_mb on both sides over the events of its graph', () => {
    const r = runLkmm(sb('smp_mb();'));
    expect(r.result).toBe('Never');
    const ids = new Set(r.graph!.events.map((e) => e.id));
    expect(r.cycle!.axiom).toBe('propagation');
    for (const e of r.cycle!.edges) {
      expect(ids.has(e.ids[0]) && ids.has(e.ids[1])).toBe(true);
      for (const v of e.via) expect(ids.has(v.ids[0]) && ids.has(v.ids[1])).toBe(true);
    }
    // the cycle closes: each edge starts where the previous one ends
    const edges = r.cycle!.edges;
    edges.forEach((e, k) => expect(e.ids[0]).toBe(edges[(k + edges.length - 1) % edges.length].ids[1]));
  });
});
