import { lowerBound } from './number-arrays.js';

/**
 * Items looked up by an offset window instead of a scan of the whole document: a rule that asks
 * "which of these starts within 40 characters after here" once per cue or mention would
 * otherwise cost mentions x cues, quadratic in the length of the document. Results come in the
 * items' original order, so a `find` over the window is the `find` over the whole list.
 */
export class StartIndex<T> {
  /** Item positions in the original list, sorted by key. */
  private readonly order: number[];
  private readonly keys: number[];

  constructor(
    private readonly items: readonly T[],
    key: (item: T) => number,
  ) {
    const k = items.map(key);
    this.order = items.map((_, i) => i).sort((a, b) => k[a]! - k[b]! || a - b);
    this.keys = this.order.map((i) => k[i]!);
  }

  /** The items whose key is in [lo, hi), in their original order. */
  within(lo: number, hi: number): T[] {
    const out: number[] = [];
    for (let j = lowerBound(this.keys, lo); j < this.keys.length && this.keys[j]! < hi; j++) out.push(this.order[j]!);
    return out.sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}

/**
 * An index of a document layer (its sentences, its time expressions) built once per layer and
 * reused by every lookup; rebuilt when the layer is replaced or grows. Each caller keeps its
 * own cache, so one key function goes with one cache.
 */
export function layerIndex<T>(cache: WeakMap<readonly T[], { size: number; index: StartIndex<T>; longest: number }>, items: readonly T[], start: (item: T) => number, end: (item: T) => number): { index: StartIndex<T>; longest: number } {
  let hit = cache.get(items);
  if (!hit || hit.size !== items.length) {
    hit = { size: items.length, index: new StartIndex(items, start), longest: items.reduce((m, x) => Math.max(m, end(x) - start(x)), 0) };
    cache.set(items, hit);
  }
  return hit;
}
