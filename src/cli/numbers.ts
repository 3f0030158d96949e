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

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration flag (`90s`, `10m`, `1h`, `500ms`; a bare number is seconds) in ms, or a one-line error naming the flag. */
export function duration(flag: string, value: string, min: 'zero' | 'positive' = 'positive'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(value);
  const ms = m ? Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]! : NaN;
  if (!(ms > 0 || (min === 'zero' && ms === 0)) || !Number.isFinite(ms)) throw new Error(`${flag} ${value}: expected a duration such as 90s, 10m or 1h`);
  return Math.round(ms);
}
