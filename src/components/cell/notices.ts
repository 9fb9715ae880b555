// Messages to the reader: one per problem. A notice has a key (the problem it is about); a new
// notice with the same key replaces the old one instead of stacking under it, and every notice can
// be dismissed. Actions (Undo, Retry, a choice) are buttons inside the notice.

export interface NoticeAction {
  label: string;
  /** accessible name when the label alone is ambiguous on the page */
  name?: string;
  run: () => void;
  /** keep the notice after the action (default: the notice goes) */
  keep?: boolean;
}

export interface NoticeOptions {
  /** 'error' is announced at once (role=alert); 'info' politely */
  tone?: 'info' | 'error';
  actions?: NoticeAction[];
  /** a node shown after the text (a permalink field) */
  extra?: Node;
}

function find(host: HTMLElement, key: string): HTMLElement | null {
  for (const el of host.querySelectorAll<HTMLElement>(':scope > [data-fl-notice]')) if (el.dataset.flNotice === key) return el;
  return null;
}

function sync(host: HTMLElement): void {
  host.hidden = host.querySelector(':scope > [data-fl-notice]') === null;
}

/** Show `text` as the notice for `key` in `host`, replacing any earlier notice for the same key. */
export function notify(host: HTMLElement, key: string, text: string, options: NoticeOptions = {}): HTMLElement {
  const box = document.createElement('div');
  box.className = 'fl-notice';
  box.dataset.flNotice = key;
  box.dataset.tone = options.tone ?? 'info';
  // Errors interrupt (role=alert); the rest are announced politely, without the status role the
  // verdict line holds.
  if (options.tone === 'error') box.setAttribute('role', 'alert');
  else box.setAttribute('aria-live', 'polite');
  const p = document.createElement('span');
  p.className = 'fl-notice-text';
  p.textContent = text;
  box.append(p);
  if (options.extra) box.append(' ', options.extra);
  const buttons = document.createElement('span');
  buttons.className = 'fl-notice-actions';
  for (const action of options.actions ?? []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = action.label;
    if (action.name) b.setAttribute('aria-label', action.name);
    b.addEventListener('click', () => {
      if (!action.keep) dismiss(host, key);
      action.run();
    });
    buttons.append(b);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'fl-notice-dismiss';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss this message');
  close.addEventListener('click', () => dismiss(host, key));
  buttons.append(close);
  box.append(buttons);
  const old = find(host, key);
  if (old) old.replaceWith(box);
  else host.append(box);
  sync(host);
  return box;
}

export function dismiss(host: HTMLElement, key: string): void {
  find(host, key)?.remove();
  sync(host);
}

/** Dismiss every notice whose key starts with `prefix` (or all). */
export function dismissAll(host: HTMLElement, prefix = ''): void {
  for (const el of host.querySelectorAll<HTMLElement>(':scope > [data-fl-notice]')) if ((el.dataset.flNotice ?? '').startsWith(prefix)) el.remove();
  sync(host);
}

let pageHost: HTMLElement | null = null;

/** The page's own notice area (top of the main column), for problems no single cell owns. */
export function pageNotices(): HTMLElement {
  if (pageHost?.isConnected) return pageHost;
  pageHost = document.createElement('div');
  pageHost.className = 'fl-page-notices';
  pageHost.dataset.flPageNotices = '';
  pageHost.hidden = true;
  const main = document.querySelector('main') ?? document.body;
  main.prepend(pageHost);
  return pageHost;
}

/** Error text of anything thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
