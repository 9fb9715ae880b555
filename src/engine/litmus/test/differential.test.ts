// The differential test: random litmus programs (fixed seed, bounded size) decided under sc, tso,
// weak and LKMM. Each model only adds behaviour (sc ⊆ tso ⊆ weak), the operational model is sound
// against LKMM (weak ⊆ LKMM), and what LKMM allows that weak never reaches is listed with its
// reason, in the docs/engine/lkmm.md section scripts/lkmm-differences.ts generates from this very run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { differential, differencesMarkdown } from '../differential.js';
import { DIFFERENTIAL_COUNT, DIFFERENTIAL_SEED, README_END, README_START } from './differential-run.js';

const readme = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../docs/engine/lkmm.md');

describe(`differential run: ${DIFFERENTIAL_COUNT} random programs, seed ${DIFFERENTIAL_SEED}`, () => {
  const report = differential(DIFFERENTIAL_SEED, DIFFERENTIAL_COUNT);

  it('runs every program under all four models', () => {
    expect(report.refused).toEqual([]);
    expect(report.programs).toBe(DIFFERENTIAL_COUNT);
  });

  it('sc ⊆ tso ⊆ weak ⊆ LKMM on every program', () => {
    expect(report.violations.map((v) => `${v.what}\n${v.program}`)).toEqual([]);
  });

  it('every LKMM-allowed state weak never reaches has a reason, and the run shows both kinds', () => {
    expect(report.differences.every((d) => ['load buffering', 'reads its own atomic add', 'not multicopy atomic'].includes(d.why))).toBe(true);
    expect(new Set(report.differences.map((d) => d.why))).toEqual(new Set(['load buffering', 'not multicopy atomic']));
  });

  it("the README's known-differences section is this run's (scripts/lkmm-differences.ts --write)", () => {
    const text = readFileSync(readme, 'utf8');
    const section = text.slice(text.indexOf(README_START) + README_START.length, text.indexOf(README_END)).trim();
    expect(section).toBe(differencesMarkdown(report, DIFFERENTIAL_SEED, DIFFERENTIAL_COUNT).trim());
  });
});
