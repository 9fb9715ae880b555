import { describe, expect, it } from 'vitest';
import type { CheckRequest, CheckResult } from '../../engine/api';
import { grade, validateExercise, type Exercise } from '../../engine/grade';
import { abbaResult } from '../views/fixtures';
import { inlineMarkup } from './markup';
import { renderGoalList, renderReport, reportStatus } from './render';

function exercise(raw: Record<string, unknown>): Exercise {
  const v = validateExercise({ id: 'ex', chapter: 'c', order: 1, title: 'T', difficulty: 'easy', goal: 'g', ...raw });
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return { ...v.value, starter: '', solution: '', referenceCode: { broken: '', fixed: '' }, scenarioCode: {}, forbidden: [] };
}

const ok: CheckResult = { ...abbaResult, outcome: 'ok', verdict: 'ok', headline: 'OK: every interleaving', cycle: undefined };

describe('inlineMarkup', () => {
  it('renders `code` and *emphasis* and escapes everything else', () => {
    expect(inlineMarkup('call `lock_page(<p>)` *once* & <b>x</b>')).toBe(
      'call <code>lock_page(&lt;p&gt;)</code> <em>once</em> &amp; &lt;b&gt;x&lt;/b&gt;',
    );
  });
});

describe('renderGoalList', () => {
  it('lists each run with its verdicts and models, and each cost ceiling', () => {
    const html = renderGoalList(
      exercise({
        runs: [{ scenario: '2007/same-page', models: ['sc', 'weak'], label: 'one `write()`' }],
        costs: [{ counter: 'bytesCopied', max: 4, label: 'one copy' }],
      }),
    );
    expect(html).toContain('one <code>write()</code> — <code>2007/same-page</code> must come out <strong>OK</strong> under sequentially consistent memory and weak memory');
    expect(html).toContain('one copy (<code>bytesCopied</code> at most 4 on the uncontended run)');
  });

  it('says "your scenario" in a scenario exercise', () => {
    const ex = exercise({ kind: 'scenario', references: { broken: 'file:b.c', fixed: 'file:f.c' }, runs: [{ strategy: 'broken', expect: ['corruption'] }] });
    expect(renderGoalList(ex)).toContain('your scenario, run against <code>broken</code>, must come out <strong>Corruption</strong>');
  });
});

describe('renderReport', () => {
  const ex = exercise({ runs: [{ scenario: 'a' }, { scenario: 'b' }], costs: [{ counter: 'bytesCopied', max: 0, label: 'no copy' }] });
  const report = grade(ex, 'x', (req: CheckRequest) => (req.scenario === 'a' ? ok : abbaResult));

  it('marks each run and opens the failing trace with the views', () => {
    const html = renderReport(report);
    expect(html).toContain('data-run="a@sc" data-passed="true" data-outcome="ok"');
    expect(html).toContain('data-run="b@sc" data-passed="false" data-outcome="deadlock"');
    expect(html).toMatch(/<details class="fl-ex-trace" open>.*data-fl-lanes/s);
    expect(html).toContain('data-cost="bytesCopied" data-passed="false"');
    expect(reportStatus(report)).toMatch(/^Failed: b \(sc\) — /);
  });
});
