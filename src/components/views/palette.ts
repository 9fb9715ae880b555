// Which colour a writer (or an actor's column) gets. Colour is never the only cue: every
// coloured thing also carries its writer's name as text, and the special writers have their
// own border pattern (views.css), so the legend reads in greyscale too.
//
// The engine's writers (src/engine/kernel/snapshot.ts): a task's name, `nobody` (memory
// nobody initialised), `zero` (zeros the kernel filled in, not a task's data), `stale` (a disk
// block never written), `disk` (file data read from disk). Zeros no task wrote are red, with
// a dashed border for `nobody` and a double one for `zero`; stale data is grey and dotted.
import type { Actor } from '../../engine/api.js';

/** Hues cycled for actors; red and grey stay with the special writers. */
const HUES = 4;

export interface WriterStyle {
  className: string;
  label: string;
}

const SPECIAL: Record<string, WriterStyle> = {
  nobody: { className: 'fl-w-nobody', label: 'nobody wrote it (uninitialised)' },
  zero: { className: 'fl-w-zero', label: 'zero-filled by the kernel, no task wrote it' },
  stale: { className: 'fl-w-stale', label: 'stale disk data (a block never written)' },
  disk: { className: 'fl-w-disk', label: 'read from disk' },
};

export function writerStyle(writer: string, actors: Actor[]): WriterStyle {
  const i = actors.findIndex((a) => a.name === writer);
  if (i >= 0) return { className: actorClass(i), label: `written by ${writer}` };
  return SPECIAL[writer] ?? { className: 'fl-w-other', label: `written by ${writer}` };
}

/** The CSS class of an actor's swimlane column, matching the colour of the bytes it writes. */
export function actorClass(index: number): string {
  return `fl-w-${index % HUES}`;
}
