/**
 * Arrays of numbers, the two things done to them in more than one place: finding a place in an
 * ascending list (binary search), and growing a typed array by doubling.
 */

/** The first place in [lo, hi) of an ascending list whose number is not below `x`; `hi` when none is. */
export function lowerBound(list: ArrayLike<number>, x: number, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `a` when it holds `size` numbers, else a copy of it twice as long (or `size`, when longer). */
export function withRoom<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const grown = new (a.constructor as new (length: number) => T)(Math.max(size, a.length * 2));
  grown.set(a);
  return grown;
}
