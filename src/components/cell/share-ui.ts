// Share for a cell: the permalink made (or refused, with the reason) and shown in the cell's
// notice, copied to the clipboard when the browser allows.
import type { MemoryModel } from '../../engine/api';
import { loadPart } from './lazy';
import { dismiss, errorText } from './notices';

export interface ShareRequest {
  id: string;
  title: string;
  code: string;
  model?: MemoryModel;
  params: Record<string, number | boolean>;
}

/** Make the link for `cell`; `say` shows the outcome (with the link field) as the cell's message. */
export async function shareCell(notices: HTMLElement, cell: () => ShareRequest, say: (text: string, extra?: Node) => void): Promise<void> {
  const retry = () => void shareCell(notices, cell, say);
  const codec = await loadPart(notices, 'permalink maker', () => import('./share'), retry);
  if (!codec) return;
  dismiss(notices, 'load:permalink maker');
  const { id, title, code, model, params } = cell();
  const url = new URL(location.href);
  try {
    url.hash = codec.encodeShare({ id, code, model, params });
  } catch (error) {
    // The same limits the page applies when a link is opened: no link is made that would be refused.
    say(`No link was made: ${errorText(error)}. Your code is unchanged; Versions keeps what you ran.`);
    return;
  }
  const field = document.createElement('input');
  field.type = 'text';
  field.readOnly = true;
  field.value = url.href;
  field.className = 'fl-permalink';
  field.setAttribute('aria-label', `Permalink to ${title}`);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url.href);
    copied = true;
  } catch {
    // no clipboard permission (or an insecure context): the link is shown to copy by hand
  }
  say(copied ? 'Permalink copied to the clipboard:' : 'Permalink (copy it):', field);
  field.select();
}
