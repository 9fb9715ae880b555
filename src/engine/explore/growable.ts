// A growing Int32Array: the explorer's parent links and edge lists, without per-item objects.
import { giveWords, growWords, takeWords } from './pool.js';

export class IntList {
  data: Int32Array<ArrayBuffer>;
  length = 0;
  constructor(capacity = 1024) { this.data = takeWords(capacity, false); }
  push(v: number): void {
    if (this.length === this.data.length) this.data = growWords(this.data, this.data.length * 2, false);
    this.data[this.length++] = v;
  }
  get(i: number): number { return this.data[i]; }
  /** give the memory back to the pool (the list must not be used afterwards) */
  release(): void {
    giveWords(this.data);
    this.data = new Int32Array(0);
    this.length = 0;
  }
}
