/**
 * Numeric flags, checked: `Number('abc')` is NaN, and a size limit compared with NaN never
 * trips, so a mistyped --max-bytes switched the limit off instead of stopping the run.
 */
export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${flag} ${value}: expected a whole number above 0`);
  return n;
}
