import { describe, expect, it } from 'vitest';
import { placementProblems, type PlacementContext } from './check-placement';

const ctx: PlacementContext = {
  cellCode: (_chapter, id) => ({ a: 'CODE A', b: 'CODE B' })[id] ?? null,
  bet: (id) => (id === 'ex-a' ? { id, code: 'CODE A', scenario: 's/one', model: 'sc' } : null),
  defaultModel: () => 'sc',
};
const cell = (id: string, extra = '') => `<Cell id="${id}" chapter="ch" title="${id}" scenario="s/one" expect="deadlock"${extra} />`;

describe('placementProblems', () => {
  it('fails a verdict figure above its cell, and lets one below it pass', () => {
    const above = `<CellFigure cell="a" chapter="ch" scenario="s/one" show="verdict" />\n\n${cell('a')}\n`;
    expect(placementProblems('p.mdx', above, ctx)).toEqual([
      'p.mdx:1: a figure shows the verdict of cell "a" above that cell (line 3): the reader would see the answer before predicting it',
    ]);
    const below = `${cell('a')}\n<CellFigure cell="a" chapter="ch" scenario="s/one" show="headline" />\n`;
    expect(placementProblems('p.mdx', below, ctx)).toEqual([]);
    // a figure that gives nothing away may stand anywhere
    expect(placementProblems('p.mdx', `<CellFigure cell="a" chapter="ch" scenario="s/one" show="states" />\n${cell('a')}`, ctx)).toEqual([]);
  });

  it('fails an exercise whose bet a cell above already ran, same code, scenario and model', () => {
    const spoilt = `${cell('a')}\n\n<Exercise id="ex-a" />\n`;
    expect(placementProblems('p.mdx', spoilt, ctx)).toEqual([
      'p.mdx:3: exercise "ex-a" bets on the code cell "a" (line 1) already ran on s/one: place the exercise above that cell',
    ]);
    expect(placementProblems('p.mdx', `<Exercise id="ex-a" />\n${cell('a')}`, ctx)).toEqual([]);
    // other code, or another model, does not answer the bet
    expect(placementProblems('p.mdx', `${cell('b')}\n<Exercise id="ex-a" />`, ctx)).toEqual([]);
    expect(placementProblems('p.mdx', `${cell('a', ' model="weak"')}\n<Exercise id="ex-a" />`, ctx)).toEqual([]);
  });
});
