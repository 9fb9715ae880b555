// Large Int32Arrays kept between searches. Fresh memory costs a page fault per 4 KB page on first
// touch, which weighed as much as the search itself on large checks; a reader reruns cells, and
// the explorer's arrays grow by doubling, so arrays of the same sizes come back again and again.
// Only arrays of at least MIN_WORDS are kept, up to MAX_WORDS in all; the smallest-first rule
// is not needed, since sizes are powers of two and are matched exactly.

const MIN_WORDS = 1 << 12;
const MAX_WORDS = 1 << 24; // 64 MB
const kept = new Map<number, Int32Array<ArrayBuffer>[]>();
let keptWords = 0;

/** an array of n words, from the pool when one of that size is there; zeroed when `zero` */
export function takeWords(n: number, zero: boolean): Int32Array<ArrayBuffer> {
  const list = kept.get(n);
  const a = list?.pop();
  if (!a) return new Int32Array(n);
  keptWords -= n;
  if (zero) a.fill(0);
  return a;
}

/** give an array back (the caller must not use it afterwards) */
export function giveWords(a: Int32Array<ArrayBuffer>): void {
  const n = a.length;
  if (n < MIN_WORDS || keptWords + n > MAX_WORDS || a.byteOffset !== 0 || a.buffer.byteLength !== n * 4) return;
  let list = kept.get(n);
  if (!list) kept.set(n, (list = []));
  list.push(a);
  keptWords += n;
}

/** the same array grown to n words (old contents first), the old one given back */
export function growWords(a: Int32Array<ArrayBuffer>, n: number, zero: boolean): Int32Array<ArrayBuffer> {
  const b = takeWords(n, zero);
  b.set(a);
  giveWords(a);
  return b;
}

/** words held by the pool now */
export const pooledWords = (): number => keptWords;
