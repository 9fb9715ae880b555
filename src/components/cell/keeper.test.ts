import { describe, expect, it } from 'vitest';
import type { CellData } from './data';
import { fitSnapshot } from './keeper';

const data: CellData = {
  id: 'abba', chapter: 'c', title: 'T', scenario: 's', expect: 'deadlock', code: 'ORIGINAL',
  model: 'sc', models: ['sc', 'tso'], params: { tasks: 2, reclaim: false },
  paramDefs: [
    { name: 'tasks', kind: 'number', default: 2, min: 1, max: 4, label: 'Tasks' },
    { name: 'reclaim', kind: 'boolean', default: false, label: 'Reclaim' },
  ],
};

describe('fitSnapshot', () => {
  it('keeps values the cell offers', () => {
    expect(fitSnapshot({ code: 'x', model: 'tso', params: { tasks: 3, reclaim: true } }, data)).toEqual({
      snapshot: { code: 'x', model: 'tso', params: { tasks: 3, reclaim: true } },
      replaced: [],
    });
  });

  it('falls back to the default for a model or parameter the cell does not offer, keeping the code', () => {
    const { snapshot, replaced } = fitSnapshot({ code: 'x', model: 'quantum' as never, params: { tasks: 99, reclaim: 'yes' as never, ghost: 1 } }, data);
    expect(snapshot).toEqual({ code: 'x', model: 'sc', params: { tasks: 2, reclaim: false } });
    expect(replaced).toHaveLength(4);
    expect(replaced[0]).toContain('"quantum"');
  });
});
