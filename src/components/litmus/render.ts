// A decided litmus test as HTML, the same at build time (set:html) and after a run in the
// browser: herd7's verdict line, the final states with the ones satisfying the condition marked,
// and for lkmm the evidence (the forbidding cycle, or the witness execution) drawn and listed.
import { formatCycle } from '../../engine/index';
import { esc } from '../views/index';
import { MODEL_NAMES, verdictLine, type Decided, type LitmusAnswer } from './answer';
import { renderExecutionSvg } from './diagram';

export function renderAnswer(a: LitmusAnswer): string {
  if (!a.ok) {
    // the reader's line first, then what is wrong with it
    const where = a.source !== null ? `<pre class="fl-litmus-line"><code>${esc(`${a.line} | ${a.source}`)}</code></pre>` : '';
    return `<div class="fl-litmus-error" role="alert" data-fl-litmus-error>${where}<p>${a.line > 0 ? `Line ${a.line}: ` : ''}${esc(a.message)}</p></div>`;
  }
  return `<p class="fl-litmus-verdict" data-fl-litmus-verdict="${esc(a.result)}">Under ${esc(MODEL_NAMES[a.model])}: ` +
    `<strong>Result: ${esc(verdictLine(a))}</strong> for <code>${esc(a.condition)}</code> (${esc(a.searched)}).</p>` +
    outcomes(a) + evidence(a) +
    (a.notes.length ? `<ul class="fl-litmus-notes">${a.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '');
}

function outcomes(a: Decided): string {
  const head = a.places.map((p) => `<th scope="col"><code>${esc(p)}</code></th>`).join('');
  const rows = a.outcomes.map((o) => `<tr${o.satisfies ? ' class="fl-litmus-sat"' : ''}>` +
    a.places.map((p) => `<td>${esc(typeof o.values[p] === 'string' ? `&${o.values[p]}` : o.values[p])}</td>`).join('') +
    `<td>${o.satisfies ? 'yes' : 'no'}</td></tr>`).join('');
  return `<table class="fl-litmus-outcomes"><caption>Final states ${a.model === 'lkmm' ? 'LKMM allows' : 'the engine reaches'} (${a.outcomes.length})</caption>` +
    `<thead><tr>${head}<th scope="col">condition holds</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function evidence(a: Decided): string {
  if (a.model !== 'lkmm') {
    return a.witnessRun
      ? `<p>The shortest run the engine found to such a state takes ${a.witnessRun.steps} steps with ${a.witnessRun.switches} context switch${a.witnessRun.switches === 1 ? '' : 'es'}.</p>`
      : '';
  }
  if (a.cycle && a.graph) {
    return `<figure class="fl-litmus-evidence" data-fl-litmus-cycle="${esc(a.cycle.axiom)}">` +
      `<figcaption>Why not: the execution that gets furthest through LKMM's axioms has a cycle in <code>${esc(a.cycle.edges[0]?.rel ?? a.cycle.axiom)}</code>, which the <strong>${esc(a.cycle.axiom)}</strong> axiom requires to be acyclic.</figcaption>` +
      `<div class="fl-litmus-svg">${renderExecutionSvg(a.graph, a.cycle, `The execution ${a.cycle.axiom} forbids`)}</div>` +
      `<pre tabindex="0">${esc(formatCycle(a.cycle).join('\n'))}</pre></figure>`;
  }
  if (a.graph && a.witness) {
    return `<figure class="fl-litmus-evidence" data-fl-litmus-witness>` +
      `<figcaption>A witness: an execution LKMM allows in which the condition holds (po, rf, co and fr drawn).</figcaption>` +
      `<div class="fl-litmus-svg">${renderExecutionSvg(a.graph, null, 'An execution LKMM allows in which the condition holds')}</div>` +
      `<pre tabindex="0">${esc(a.witness.join('\n'))}</pre></figure>`;
  }
  return '';
}
