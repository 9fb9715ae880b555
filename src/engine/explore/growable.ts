// A growing Int32Array: the explorer's parent links and edge lists, without per-item objects.
import { giveWords, growWords, takeWords } from './pool.js';

/** items from which a list with an expected length grows straight to it */
const LARGE = 1 << 16;

export class IntList {
  data: Int32Array<ArrayBuffer>;
  length = 0;
  /** expect: the length the list will likely reach (a search's state budget); it doubles until LARGE, then grows to it at once */
  constructor(capacity = 1024, private readonly expect = 0) { this.data = takeWords(capacity, false); }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  private grow(): void {
    const n = this.data.length;
    const to = n >= LARGE && this.expect > n ? Math.ceil((this.expect + 1024) / 4096) * 4096 : 0;
    this.data = growWords(this.data, Math.max(n * 2, to), false);
  }
  get(i: number): number { return this.data[i]; }
  /** give the memory back to the pool (the list must not be used afterwards) */
  release(): void {
    giveWords(this.data);
    this.data = new Int32Array(0);
    this.length = 0;
  }
}
