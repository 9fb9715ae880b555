// Colour for terminals: on when the stream is a terminal and NO_COLOR is unset or empty
// (https://no-color.org), off otherwise; a pipe or a file never gets escape codes.
import type { Outcome } from '../api.js';

export interface Paint {
  enabled: boolean;
  bad: (s: string) => string; // a verdict that found something, an error
  good: (s: string) => string; // OK
  warn: (s: string) => string; // budget, warnings, notes
  blocked: (s: string) => string; // a step that left its task asleep
  bold: (s: string) => string;
}

const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const none = (s: string) => s;

export function paint(enabled: boolean): Paint {
  if (!enabled) return { enabled, bad: none, good: none, warn: none, blocked: none, bold: none };
  return { enabled, bad: sgr('1;31'), good: sgr('1;32'), warn: sgr('1;33'), blocked: sgr('35'), bold: sgr('1') };
}

export const noPaint = paint(false);

/** colour decision for one output stream */
export function wantsColour(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  // NO_COLOR set to anything but the empty string turns colour off, whatever the stream
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true;
}

/** the headline painted by its outcome */
export function paintHeadline(p: Paint, outcome: Outcome, headline: string): string {
  if (outcome === 'ok') return p.good(headline);
  if (outcome === 'budget') return p.warn(headline);
  return p.bad(headline);
}

/** paint a padded table cell's text, leaving its padding outside the escape codes */
export function paintPadded(paint: (s: string) => string, cell: string): string {
  const text = cell.trimEnd();
  return text ? paint(text) + cell.slice(text.length) : cell;
}
