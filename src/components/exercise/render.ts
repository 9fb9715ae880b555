// Exercise markup as HTML strings (DOM-free, like the views): the goal's checklist at build time,
// and a grade report after Check. Failing runs carry the engine's own views (badge, wait-for
// graph, swimlane, scrubber) so the reader sees the interleaving that broke their code.
import { verdictWord, type CheckResult, type Verdict } from '../../engine/api';
import { costBound, type CostReport, type ExerciseMeta, type GoalRun, type GradeReport, type RuleReport, type RunReport } from '../../engine/grade';
import { renderViews } from '../cell/views-adapter';
import { esc, listWords } from '../views/escape';
import { inlineMarkup } from './markup';

const MODEL_NAMES: Record<string, string> = { sc: 'sequentially consistent memory', tso: 'TSO', weak: 'weak memory' };

function verdicts(expect: Verdict[]): string {
  return listWords(expect.map((v) => `<strong>${esc(verdictWord(v))}</strong>`)).replace(/ and (?=[^,]*$)/, ' or ');
}

function runTarget(ex: ExerciseMeta, run: GoalRun): string {
  if (ex.kind === 'scenario') return `against <code>${esc(run.strategy)}</code>`;
  return `<code>${esc(run.scenario)}</code>`;
}

/** The goal as a checklist: each run that must come out right, each cost ceiling. */
export function renderGoalList(ex: ExerciseMeta): string {
  const items = ex.runs.map((run) => {
    const label = run.label ? `${inlineMarkup(run.label)} — ` : '';
    const subject = ex.kind === 'scenario' ? `your scenario, run ${runTarget(ex, run)},` : runTarget(ex, run);
    const models = listWords(run.models.map((m) => MODEL_NAMES[m] ?? m));
    return `<li data-goal-run>${label}${subject} must come out ${verdicts(run.expect)} under ${esc(models)}</li>`;
  });
  if (ex.mayDefine && ex.kind === 'strategy') {
    const handed = listWords(ex.mayDefine.map((n) => `<code>${esc(n)}()</code>`));
    items.push(`<li data-goal-rule>you may rewrite ${handed} and add helper functions of your own; the rest of the kernel and the scenario stay as they are</li>`);
  }
  for (const c of ex.costs) {
    items.push(`<li data-goal-cost>${inlineMarkup(c.label)} (<code>${esc(c.counter)}</code> ${esc(costBound(c))} on the uncontended run)</li>`);
  }
  return `<ul class="fl-ex-goals">${items.join('')}</ul>`;
}

/** A run report as the CheckResult the views expect. */
export function runAsResult(run: RunReport): CheckResult {
  const result: CheckResult = {
    outcome: run.outcome,
    verdict: run.verdict,
    headline: run.headline,
    diagnostics: [],
    stats: run.stats,
    costs: null,
    trace: run.trace,
  };
  if (run.cycle) result.cycle = run.cycle;
  return result;
}

function runItem(run: RunReport, open: boolean): string {
  const name = `${esc(run.label)} <span class="fl-ex-model">(${esc(run.model)})</span>`;
  const head = run.passed
    ? `<span class="fl-ex-mark" aria-hidden="true">✓</span> <span class="fl-ex-word">Passed</span> ${name}: ${esc(run.headline)}`
    : `<span class="fl-ex-mark" aria-hidden="true">✗</span> <span class="fl-ex-word">Failed</span> ${name}: ${esc(run.headline)} <span class="fl-ex-reason">(${esc(run.reason ?? '')})</span>`;
  let body = '';
  if (!run.passed && (run.trace || run.cycle)) {
    body = `<details class="fl-ex-trace"${open ? ' open' : ''}><summary>The interleaving that failed it</summary><div class="fl-views" data-fl-ex-views>${renderViews(runAsResult(run))}</div></details>`;
  }
  return `<li class="fl-ex-run" data-run="${esc(run.id)}" data-passed="${run.passed}" data-outcome="${esc(run.outcome)}">${head}${body}</li>`;
}

function costItem(c: CostReport): string {
  const figure = c.actual === null ? 'not measured' : `${c.actual} counted, ${c.bound}`;
  const word = c.passed ? 'Passed' : 'Failed';
  return (
    `<li class="fl-ex-run" data-cost="${esc(c.counter)}" data-passed="${c.passed}">` +
    `<span class="fl-ex-mark" aria-hidden="true">${c.passed ? '✓' : '✗'}</span> <span class="fl-ex-word">${word}</span> ` +
    `${inlineMarkup(c.label)}: <code>${esc(c.counter)}</code> ${esc(figure)} on ${esc(c.on)}` +
    `${c.passed || !c.reason ? '' : ` <span class="fl-ex-reason">(${esc(c.reason)})</span>`}</li>`
  );
}

function ruleItem(r: RuleReport): string {
  return (
    `<li class="fl-ex-run" data-rule="${esc(r.id)}" data-passed="${r.passed}">` +
    `<span class="fl-ex-mark" aria-hidden="true">${r.passed ? '✓' : '✗'}</span> <span class="fl-ex-word">${r.passed ? 'Passed' : 'Failed'}</span> ` +
    `${esc(r.label)}${r.passed || !r.reason ? '' : ` <span class="fl-ex-reason">(${esc(r.reason)})</span>`}</li>`
  );
}

/** The results of one Check: every run and ceiling, the first failing run's trace opened. */
export function renderReport(report: GradeReport): string {
  const firstFail = report.runs.findIndex((r) => !r.passed);
  const diags = report.diagnostics
    .map((d) => `<li class="fl-ex-diagnostic">${esc(d.source)} ${d.line}:${d.column}: ${esc(d.message)}</li>`)
    .join('');
  const runs = report.runs.map((r, i) => runItem(r, i === firstFail)).join('');
  const costs = report.costs.map(costItem).join('');
  const rules = report.rules.map(ruleItem).join('');
  return `<ul class="fl-ex-results-list">${diags}${rules}${runs}${costs}</ul>`;
}

/** The status line after a Check: begins with Passed, Failed or Error. */
export function reportStatus(report: GradeReport): string {
  if (report.status === 'passed') return report.summary;
  if (report.status === 'error') return report.summary.startsWith('Error') ? report.summary : `Error: ${report.summary}`;
  return report.summary;
}
