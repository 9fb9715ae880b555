// The simulated kernels, one per era the chapters argue about. Each is the base prelude with an
// era's functions in place of the base's (or added to it), assembled into one text so that the
// line numbers a trace shows are lines of that kernel. A scenario names its kernel with a
// `kernel` line; `id@kernel` runs a registered scenario on another one (the closing tables do).
// Every function carries a `follows:` comment naming the kernel file and function it
// reconstructs; `npx tsx scripts/kernel-table.ts` prints them as kernel/kernels.md.
import { PRELUDE } from './prelude.js';
import { PRELUDE_2620 } from './prelude-2620.js';
import { PRELUDE_2624 } from './prelude-2624.js';
import { DMA_PRELUDE, PINS_PRELUDE } from './prelude-pins.js';
import { PRELUDE_317 } from './prelude-317.js';
import { PRELUDE_57 } from './prelude-57.js';

export interface KernelFunction {
  name: string;
  /** the kernel source it follows: file and function, as its `follows:` comment says */
  follows: string;
  /** line of its definition in the kernel's text */
  line: number;
  /** its text, comments included */
  text: string;
}

export interface Kernel {
  name: string;
  /** one line: what this kernel is */
  title: string;
  /** the assembled prelude: source 'prelude' of every program booted on this kernel */
  text: string;
  functions: KernelFunction[];
  /** names its text reads that a scenario may set with a `param` line, with their values when it does not */
  params: Readonly<Record<string, number>>;
}

interface Chunk { name: string | null; text: string }

const SIGNATURE = /^[A-Za-z_][^;(=]*?\b([A-Za-z_]\w*)\(.*\)\s*$/;

/**
 * A prelude text cut into top-level pieces: each function with the comment lines right above it,
 * and whatever lies between (defines, globals, section comments) as unnamed pieces. A function
 * ends at the first line that is a lone `}`.
 */
export function chunks(text: string): Chunk[] {
  const lines = text.split('\n');
  const out: Chunk[] = [];
  let loose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = SIGNATURE.exec(lines[i]);
    if (!m) { loose.push(lines[i]); continue; }
    // the comment block directly above the signature belongs to the function
    let k = loose.length;
    while (k > 0 && /^(\/\*| \*|\s*\*\/)/.test(loose[k - 1])) k--;
    while (k < loose.length && !loose[k].startsWith('/*')) k++;
    if (k > 0) out.push({ name: null, text: loose.slice(0, k).join('\n') });
    const body = loose.slice(k);
    let j = i;
    while (j < lines.length && lines[j] !== '}') j++;
    if (j === lines.length) throw new Error(`prelude function ${m[1]} has no closing '}' at column 0`);
    body.push(...lines.slice(i, j + 1));
    out.push({ name: m[1], text: body.join('\n') });
    loose = [];
    i = j;
  }
  if (loose.length) out.push({ name: null, text: loose.join('\n') });
  return out;
}

/** the base with each layer's functions put in place of the same-named ones, or added at the end */
function assemble(layers: string[]): string {
  const pieces = chunks(layers[0]);
  for (const layer of layers.slice(1)) {
    for (const c of chunks(layer)) {
      const at = c.name ? pieces.findIndex((p) => p.name === c.name) : -1;
      if (at >= 0) pieces[at] = c;
      else pieces.push(c);
    }
  }
  return pieces.map((p) => p.text).join('\n');
}

function functionsOf(text: string): KernelFunction[] {
  const lines = text.split('\n');
  return chunks(text).filter((c) => c.name).map((c) => {
    const follows = /follows:\s*([\s\S]*?)\s*\*\//.exec(c.text)?.[1].replace(/\s*\n\s*\*?\s*/g, ' ') ?? '';
    const line = lines.findIndex((l) => SIGNATURE.exec(l)?.[1] === c.name) + 1;
    return { name: c.name!, follows, line, text: c.text };
  });
}

function kernel(name: string, title: string, layers: string[], params: Record<string, number> = {}): Kernel {
  const text = assemble(layers);
  return { name, title, text, functions: functionsOf(text), params };
}

/** every kernel, oldest first */
export const KERNELS: readonly Kernel[] = [
  kernel('2.6.20', 'Linux 2.6.20 as released: the fault path maps a cached page without locking it; truncate unmaps, then drops the pages', [PRELUDE, PRELUDE_2620]),
  kernel('2.6.20-fault-lock', '2.6.20 with d00806b18315 as Nick Piggin mailed it in January 2007: the fault path locks the page, truncate unmaps each page under its lock (2.6.23 landed it)', [PRELUDE]),
  kernel('2.6.24', 'Linux 2.6.24: d00806b18315, and the write path of write_begin, an atomic copy and write_end', [PRELUDE, PRELUDE_2624]),
  kernel('3.17', 'Linux 3.17: 2.6.24\'s page cache with get_user_pages() (the PTE checked and a reference taken in one step) and a DMA driver', [PRELUDE, PRELUDE_2624, PRELUDE_317, DMA_PRELUDE]),
  kernel('5.0', 'Linux 5.0: 2.6.24\'s page cache with mm/gup.c through the pin hooks of the 2019 chapter, ext4 writeback with stable pages, reclaim, a DMA driver; a pin is a plain page reference', [PRELUDE, PRELUDE_2624, PINS_PRELUDE, DMA_PRELUDE], { stable_pages: 0 }),
  kernel('5.7', 'Linux 5.7: 5.0 with FOLL_PIN as it landed: a pin adds GUP_PIN_COUNTING_BIAS (1024) to _refcount, and page_maybe_dma_pinned() tests _refcount >= 1024, mappings included; writeback still does not ask', [PRELUDE, PRELUDE_2624, PINS_PRELUDE, DMA_PRELUDE, PRELUDE_57], { stable_pages: 0 }),
];

/** the kernel of a scenario that does not name one */
export const DEFAULT_KERNEL = '2.6.20-fault-lock';

export function kernelNamed(name: string): Kernel | undefined {
  return KERNELS.find((k) => k.name === name);
}

/** the kernel's prelude text */
export function kernelText(name: string): string {
  return kernelOf(name).text;
}

/** the kernel of that name; throws for an unknown name (scenario files are checked when parsed) */
export function kernelOf(name: string): Kernel {
  const k = kernelNamed(name);
  if (!k) throw new Error(`unknown kernel '${name}' (known: ${KERNELS.map((x) => x.name).join(', ')})`);
  return k;
}
