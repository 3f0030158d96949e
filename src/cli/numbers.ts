/**
 * Numeric flags, checked: `Number('abc')` is NaN, and a size limit compared with NaN never
 * trips, so a mistyped --max-bytes switched the limit off instead of stopping the run.
 */
export function positiveInt(flag: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : wholeNumber(flag, value, 1);
}

/** A whole number of at least `min`, or a one-line error naming the flag. */
export function wholeNumber(flag: string, value: string, min: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} ${value}: expected a whole number of at least ${min}`);
  return n;
}
