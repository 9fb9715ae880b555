// Views of the engine's CheckResult (src/engine/api.ts), for the cells.
//
// Every render function is DOM-free and returns an HTML string, so the same call serves the
// build (Astro, set:html) and the client (element.innerHTML = …). Interaction lives apart,
// in attach functions that take the rendered root and the same data.
//
// Usage (from a cell):
//   import './views.css'  (or `import 'src/components/views/views.css'` in the Cell component)
//   build:  <div set:html={renderResultViews(result)} />
//   client: root.innerHTML = renderResultViews(result); const h = attachResultViews(root, result);
//           …before replacing root's content for a new run: h.destroy()
//   To attach, the client needs the result's trace (the worker's answer, or the build's trace
//   serialized into the page): the scrubber renders each step's world from it, and the views a
//   page's HTML carries (renderStaticViews) get their picture from it. The scrubber's
//   controls are rendered `disabled` and enabled by attach, so with JavaScript off the page
//   shows the last step's world and no dead control.
//
// API:
//   renderResultViews(result: CheckResult): string          badge, finals, trace picture with scrubber, folded wait-for graph
//   renderStaticViews(result: CheckResult): string          the same for a page's HTML: the trace as text lines, no verdict line
//   renderLanes(trace, cycle?, { current? }): string        the trace as a picture: a lane per actor, blocked bars, the cycle drawn
//   renderWorldDiagram(snapshot, { actors?, previous? })     the world at a step as a diagram (pages, PTEs, locks, buffers)
//   renderTraceText(trace, cycle?): string                  the trace as text lines (what reads with JavaScript off)
//   attachResultViews(root: HTMLElement, result: CheckResult): { destroy(): void; scrubber: ScrubberHandle | null }
//   renderVerdictBadge(result: CheckResult): string          word, headline, search figures, costs, diagnostics
//   renderSwimlane(trace: Trace, cycle?: WaitEdge[], options?: { current?: number }): string   <table>
//   renderScrubber(trace: Trace, step?: number): string      slider, Previous/Next, live status, world
//   attachScrubber(root: HTMLElement, trace: Trace): ScrubberHandle   root holds the scrubber (and the swimlane)
//   renderWorld(snapshot: WorldSnapshot, options?: { actors?: Actor[]; previous?: WorldSnapshot | null }): string
//   renderWaitForGraph(cycle: WaitEdge[]): string            <figure> with inline SVG ('' for no cycle)
//   renderFinals(finals?: FinalState[]): string             reachable final values table ('' for none)
//   esc(value): string                                       HTML escaping, for anything else placed near the views
//
// DOM hooks (stable, for tests): [data-fl-views], [data-fl-lanes] li[data-step="k"] (k from 1),
// [data-fl-trace-text], [data-fl-as-tables] (the tables, drawn when opened), [data-fl-swimlane] tr[data-step="k"],
// tr.fl-current / aria-current="step", [data-fl-scrubber], [data-fl-range] (role slider, name "Step"),
// buttons "Previous step" / "Next step", [data-fl-step-status] (aria-live polite; NOT role=status, the
// cell owns the one status element), [data-fl-world], svg.fl-wfg (role img). No ids anywhere, so
// any number of cells share a page. Every root has Starlight's `not-content` class.
//
// Reading the data: a step's stack is innermost frame first (as the engine records it); byte
// writers are a task's name or the engine's `nobody` (red, dashed), `zero` (red, double),
// `stale` (grey, dotted) and `disk` (see palette.ts).
export { renderResultViews, renderStaticViews, attachResultViews } from './result-views.js';
export { renderLanes } from './lanes.js';
export { renderWorldDiagram } from './world-diagram.js';
export { renderTraceText } from './trace-text.js';
export { renderVerdictBadge, searchExtent } from './verdict-badge.js';
export { renderSwimlane, type SwimlaneOptions } from './swimlane.js';
export { renderScrubber, stepSummary } from './scrubber.js';
export { attachScrubber, type ScrubberHandle } from './scrubber-client.js';
export { renderWorld, type WorldOptions } from './world.js';
export { renderWaitForGraph, describeCycle } from './wait-for-graph.js';
export { renderFinals } from './finals.js';
export { esc } from './escape.js';
