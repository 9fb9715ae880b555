// Which colour a writer (or an actor's column) gets. Colour is never the only cue: every
// coloured thing also carries its writer's name as text, and the two special writers have
// their own border pattern (views.css), so the legend reads in greyscale too.
import type { Actor } from '../../engine/api.js';

/** Hues cycled for actors; `zero` and `stale` keep red and grey for themselves. */
const HUES = 4;

export const ZERO = 'zero';
export const STALE = 'stale';

export interface WriterStyle {
  className: string;
  label: string;
}

export function writerStyle(writer: string, actors: Actor[]): WriterStyle {
  if (writer === ZERO) return { className: 'fl-w-zero', label: 'zero, nobody wrote it' };
  if (writer === STALE) return { className: 'fl-w-stale', label: 'stale disk data' };
  const i = actors.findIndex((a) => a.name === writer);
  if (i < 0) return { className: 'fl-w-other', label: `written by ${writer}` };
  return { className: `fl-w-${i % HUES}`, label: `written by ${writer}` };
}

/** The CSS class of an actor's swimlane column, matching the colour of the bytes it writes. */
export function actorClass(index: number): string {
  return `fl-w-${index % HUES}`;
}
