// Permalinks: a cell's edited code and parameters, deflated and base64url-encoded into the URL
// fragment (`#share=<cell-id>.<payload>`), so a link never reaches a server and the page only ever
// hands the text to the interpreter. Loaded on demand (Share pressed, or a link opened).
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { MemoryModel } from '../../engine/api';

export interface SharedCell {
  id: string;
  code: string;
  model?: MemoryModel;
  params?: Record<string, number | boolean>;
}

/** Longest fragment we accept (browsers and chat tools truncate long URLs). */
export const maxPayloadChars = 12_000;
/** Longest code we accept once inflated: a cell is a few functions, not a program. */
export const maxCodeChars = 20_000;
const marker = 'share=';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters a permalink never has');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A link that would be refused on opening; its message is fit to show the reader. */
export class ShareTooLong extends Error {}

/** The limits every link is held to, on making (Share) and on opening: one function for both. */
export function checkLimits(codeChars: number, payloadChars: number): void {
  const n = new Intl.NumberFormat('en');
  // A link over either limit would be rejected by decodeShare: refuse it here, before copying.
  if (codeChars > maxCodeChars) throw new ShareTooLong(`the code is too long for a link (${n.format(codeChars)} characters; at most ${n.format(maxCodeChars)})`);
  if (payloadChars > maxPayloadChars) throw new ShareTooLong(`the link would be too long (${n.format(payloadChars)} characters; at most ${n.format(maxPayloadChars)})`);
}

/** The fragment for a cell; throws ShareTooLong when opening it would be refused. */
export function encodeShare(cell: SharedCell): string {
  const body = { v: 1, code: cell.code, model: cell.model, params: cell.params };
  const rest = `${encodeURIComponent(cell.id)}.${toBase64Url(deflateSync(strToU8(JSON.stringify(body)), { level: 9 }))}`;
  checkLimits(cell.code.length, rest.length);
  return `${marker}${rest}`;
}

export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(marker);
}

/** Decode a fragment; throws an Error whose message is fit to show the reader. */
export function decodeShare(hash: string): SharedCell {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(marker)) throw new Error('this is not a cell permalink');
  const rest = fragment.slice(marker.length);
  const dot = rest.indexOf('.');
  if (dot <= 0) throw new Error('the permalink is incomplete');
  if (rest.length > maxPayloadChars) checkLimits(0, rest.length);
  const id = decodeURIComponent(rest.slice(0, dot));
  let json: string;
  try {
    // At most ~1000x expansion of a 12 KB payload: bounded, so inflating before checking is safe.
    json = strFromU8(inflateSync(fromBase64Url(rest.slice(dot + 1))));
  } catch (error) {
    throw new Error(`the permalink is damaged (${error instanceof Error ? error.message : 'cannot inflate'})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    throw new Error('the permalink is damaged (not valid data)');
  }
  return validate(id, body);
}

function validate(id: string, body: unknown): SharedCell {
  const b = body as { v?: unknown; code?: unknown; model?: unknown; params?: unknown };
  if (typeof b !== 'object' || b === null || b.v !== 1) throw new Error('the permalink was made by another version of this site');
  if (typeof b.code !== 'string') throw new Error('the permalink carries no code');
  checkLimits(b.code.length, 0);
  const shared: SharedCell = { id, code: b.code };
  if (b.model === 'sc' || b.model === 'tso' || b.model === 'weak') shared.model = b.model;
  if (b.params !== undefined) {
    if (typeof b.params !== 'object' || b.params === null) throw new Error('the permalink carries malformed parameters');
    const params: Record<string, number | boolean> = {};
    for (const [k, v] of Object.entries(b.params)) {
      if (typeof v !== 'number' && typeof v !== 'boolean') throw new Error(`the permalink carries a malformed parameter "${k}"`);
      params[k] = v;
    }
    shared.params = params;
  }
  return shared;
}
