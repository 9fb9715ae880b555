// Client behaviour of the scrubber: slider, Previous/Next, arrow keys, Home/End, and the
// swimlane's current row. The slider handles its own keys natively; the other keys work
// anywhere inside the scrubber group, so a keyboard user never needs the mouse.
import type { Trace, WaitEdge } from '../../engine/api.js';
import { clampStep, renderStepDiagram, renderStepWorld, stepStack, stepSummary } from './scrubber.js';
import { renderSwimlane } from './swimlane.js';

export interface ScrubberHandle {
  readonly step: number;
  setStep(k: number): void;
  /** remove every listener (call before the cell's views are replaced) */
  destroy(): void;
}

const KEYS: Record<string, (k: number, n: number) => number> = {
  ArrowLeft: (k) => k - 1,
  ArrowUp: (k) => k - 1,
  ArrowRight: (k) => k + 1,
  ArrowDown: (k) => k + 1,
  Home: () => 0,
  End: (_, n) => n,
};

/** Scroll the swimlane's own box (never the page) so the current row stays in sight. */
function keepInSight(row: HTMLElement): void {
  const wrap = row.closest<HTMLElement>('.fl-swimlane-wrap, .fl-lanes-wrap');
  if (!wrap || wrap.scrollHeight <= wrap.clientHeight) return;
  const r = row.getBoundingClientRect();
  const w = wrap.getBoundingClientRect();
  const head = wrap.querySelector('thead, .fl-lanes-head')?.getBoundingClientRect().height ?? 0;
  if (r.top < w.top + head) wrap.scrollTop -= w.top + head - r.top;
  else if (r.bottom > w.bottom) wrap.scrollTop += r.bottom - w.bottom;
}

/** The lines of the trace picture (and of the table, once drawn) that a step highlights. */
function stepRows(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-fl-lanes] [data-step], [data-fl-swimlane] tr[data-step]'));
}

export function attachScrubber(root: HTMLElement, trace: Trace, cycle?: WaitEdge[]): ScrubberHandle {
  const el = root.matches('[data-fl-scrubber]') ? root : root.querySelector<HTMLElement>('[data-fl-scrubber]');
  const range = el?.querySelector<HTMLInputElement>('[data-fl-range]');
  if (!el || !range) return { step: 0, setStep() {}, destroy() {} };
  const prev = el.querySelector<HTMLButtonElement>('[data-fl-prev]');
  const next = el.querySelector<HTMLButtonElement>('[data-fl-next]');
  const status = el.querySelector<HTMLElement>('[data-fl-step-status]');
  const stack = el.querySelector<HTMLElement>('[data-fl-stack]');
  const world = el.querySelector<HTMLElement>('[data-fl-world]');
  const tables = el.querySelector<HTMLDetailsElement>('[data-fl-as-tables]');
  const tablesBody = tables?.querySelector<HTMLElement>('[data-fl-tables-body]');
  let rows = stepRows(root);
  const n = trace.steps.length;
  let current = clampStep(trace, Number(range.value));

  function show(k: number): void {
    k = clampStep(trace, k);
    if (k === current) return;
    current = k;
    range!.value = String(k);
    range!.setAttribute('aria-valuetext', `step ${k} of ${n}`);
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus
    prev?.setAttribute('aria-disabled', String(k <= 0));
    next?.setAttribute('aria-disabled', String(k >= n));
    if (status) status.textContent = stepSummary(trace, k);
    if (stack) stack.textContent = stepStack(trace, k);
    if (world) world.innerHTML = renderStepDiagram(trace, k);
    if (tables?.open && tablesBody) drawTables();
    for (const row of rows) {
      const on = Number(row.dataset.step) === k;
      row.classList.toggle('fl-current', on);
      if (on) {
        row.setAttribute('aria-current', 'step');
        keepInSight(row);
      } else row.removeAttribute('aria-current');
    }
  }

  /** "As tables": drawn when opened and redrawn per step while open; closed, they cost nothing. */
  function drawTables(): void {
    if (!tablesBody) return;
    for (const row of tablesBody.querySelectorAll('tr[data-step]')) row.removeEventListener('click', onRowClick);
    tablesBody.innerHTML = renderSwimlane(trace, cycle, { current: current }) + renderStepWorld(trace, current);
    for (const row of tablesBody.querySelectorAll<HTMLElement>('tr[data-step]')) row.addEventListener('click', onRowClick);
    rows = stepRows(root);
  }
  const onToggle = (): void => {
    if (tables?.open) drawTables();
  };

  const onInput = (): void => show(Number(range.value));
  const onPrev = (): void => show(current - 1);
  const onNext = (): void => show(current + 1);
  const onKey = (e: KeyboardEvent): void => {
    const move = KEYS[e.key];
    if (!move || e.target === range || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    show(move(current, n));
  };
  const onRowClick = (e: Event): void => {
    const row = (e.currentTarget as HTMLElement).dataset.step;
    if (row) show(Number(row));
  };

  for (const control of [range, prev, next]) control?.removeAttribute('disabled');
  // The build renders the last step, below a long swimlane's fold. Measuring it now would force
  // a layout for every scrubber wired at idle (most of them off-screen): wait until the swimlane
  // is on screen, when the observer's callback runs with layout already done, and do it once.
  const start = rows.find((r) => Number(r.dataset.step) === current);
  const wrap = start?.closest<HTMLElement>('.fl-swimlane-wrap');
  let sight: IntersectionObserver | null = null;
  if (start && wrap && typeof IntersectionObserver === 'function') {
    sight = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      sight?.disconnect();
      sight = null;
      if (start.classList.contains('fl-current')) keepInSight(start); // unless the reader moved on
    });
    sight.observe(wrap);
  }
  range.addEventListener('input', onInput);
  prev?.addEventListener('click', onPrev);
  next?.addEventListener('click', onNext);
  el.addEventListener('keydown', onKey);
  for (const row of rows) row.addEventListener('click', onRowClick);
  tables?.addEventListener('toggle', onToggle);
  if (tables?.open) drawTables();

  return {
    get step() {
      return current;
    },
    setStep: show,
    destroy() {
      sight?.disconnect();
      range.removeEventListener('input', onInput);
      prev?.removeEventListener('click', onPrev);
      next?.removeEventListener('click', onNext);
      el.removeEventListener('keydown', onKey);
      for (const row of rows) row.removeEventListener('click', onRowClick);
      tables?.removeEventListener('toggle', onToggle);
      for (const control of [range, prev, next]) control?.setAttribute('disabled', '');
    },
  };
}
