import { withRoom } from '../../core/number-arrays.js';

/**
 * Numbers kept largest first (-Infinity last), in a Float64Array that grows by doubling. An event
 * pool keeps its sizes and each size's days so (pool.ts), and an event taking a mention moves it
 * from one size and day to the next: a day or size goes in or out at almost every mention. A
 * typed array moves its tail with one memory move; an Array's copyWithin moved it element by
 * element (2 s of a 10,000-article rebuild's 10 s of clustering).
 */
export class DescendingNumbers {
  private values = new Float64Array(8);
  /** How many numbers are held: values[0 .. length). */
  length = 0;

  at(i: number): number {
    return this.values[i]!;
  }

  /** Put `n` in its place (a number held already goes in again, before its equals). */
  insert(n: number): void {
    const at = this.place(n);
    this.values = withRoom(this.values, this.length + 1);
    this.values.copyWithin(at + 1, at, this.length);
    this.values[at] = n;
    this.length++;
  }

  /** Take `n` out (one of it; nothing when it is not held). */
  remove(n: number): void {
    const at = this.place(n);
    if (at === this.length || this.values[at] !== n) return;
    this.values.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  /** Where `n` is, or would go: the first place whose number is not larger. */
  private place(n: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.values[mid]! > n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.length; i++) yield this.values[i]!;
  }
}
