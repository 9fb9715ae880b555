// Waking up the build's static views (the scrubber of each cell) costs a layout of the page per
// cell; on a chapter with dozens of cells and long traces, doing all of them at load is a long task
// of half a second. So a cell's views are attached when it comes near the viewport, and the others
// one per idle period, in page order.
type Task = () => void;

const pending = new Map<Element, Task>();
let observer: IntersectionObserver | null = null;
let idleScheduled = false;

function runFor(el: Element): void {
  const task = pending.get(el);
  if (!task) return;
  pending.delete(el);
  observer?.unobserve(el);
  task();
}

function scheduleIdle(): void {
  if (idleScheduled || pending.size === 0) return;
  idleScheduled = true;
  const ric = (globalThis as { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const next = (fn: (d: { timeRemaining(): number }) => void) => (ric ? ric(fn, { timeout: 3000 }) : setTimeout(() => fn({ timeRemaining: () => 10 }), 50));
  next(() => {
    idleScheduled = false;
    const first = pending.keys().next();
    if (!first.done) runFor(first.value);
    scheduleIdle();
  });
}

/** Run `task` for `el` when it nears the viewport or the page is idle, whichever comes first; once. */
export function whenNear(el: Element, task: Task): void {
  pending.set(el, task);
  if (typeof IntersectionObserver === 'function') {
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) runFor(e.target);
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
  }
  scheduleIdle();
}

/** Drop the task for `el` (its views are being replaced). */
export function forget(el: Element): void {
  pending.delete(el);
  observer?.unobserve(el);
}
