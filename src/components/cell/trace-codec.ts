// The build's trace of each cell travels inside the page for the scrubber. Each step carries the
// whole world, so a chapter's traces are hundreds of kilobytes of very repetitive JSON: deflated
// and base64-encoded they are a tenth of that, and the page decodes one only when that cell's
// scrubber wakes up (this module is imported on demand).
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Trace } from '../../engine/api';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type World = Trace['initial'];
type Packed = Omit<Trace, 'steps'> & { steps: (Omit<Trace['steps'][number], 'world'> & { world: Partial<World> })[] };

/**
 * Each step keeps only the parts of its world (pages, locks, tasks…) that differ from the step
 * before: a step changes one or two of them, and deflate's 32 KB window cannot see a repeat
 * further back than that, so this halves a long trace's share of the page.
 */
function pack(trace: Trace): Packed {
  let before: World = trace.initial;
  const steps = trace.steps.map((step) => {
    const world: Partial<World> = {};
    for (const key of Object.keys(step.world) as (keyof World)[]) {
      if (JSON.stringify(step.world[key]) !== JSON.stringify(before[key])) (world as Record<string, unknown>)[key] = step.world[key];
    }
    for (const key of Object.keys(before) as (keyof World)[]) if (!(key in step.world)) (world as Record<string, unknown>)[key] = null;
    before = step.world;
    return { ...step, world };
  });
  return { ...trace, steps };
}

function unpack(packed: Packed): Trace {
  let before: World = packed.initial;
  const steps = packed.steps.map((step) => {
    const world = { ...before } as Record<string, unknown>;
    for (const [key, value] of Object.entries(step.world)) {
      if (value === null) delete world[key];
      else world[key] = value;
    }
    before = world as unknown as World;
    return { ...step, world: before };
  });
  return { ...packed, steps };
}

export function encodeTrace(trace: Trace | null): string {
  return toBase64(deflateSync(strToU8(JSON.stringify(trace && pack(trace))), { level: 9 }));
}

export function decodeTrace(text: string): Trace | null {
  const packed = JSON.parse(strFromU8(inflateSync(fromBase64(text)))) as Packed | null;
  return packed && unpack(packed);
}
