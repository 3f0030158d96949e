/**
 * Calendar arithmetic on ISO day strings (YYYY-MM-DD), in UTC so that no local time zone
 * can shift a day. Weeks are ISO weeks (Monday first).
 */
import type { Granularity, TimeValue } from '../core/types.js';
import type { Span } from '../core/span.js';

export interface Ymd { y: number; m: number; d: number }

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const iso = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const v = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d));
  return t.getUTCFullYear() === v.y && t.getUTCMonth() === v.m - 1 && t.getUTCDate() === v.d ? v : null;
}

const toUtc = ({ y, m, d }: Ymd): Date => new Date(Date.UTC(y, m - 1, d));
const fromUtc = (t: Date): Ymd => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });

export function addDays(day: Ymd, n: number): Ymd {
  const t = toUtc(day);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** 0 = Sunday ... 6 = Saturday. */
export const weekday = (day: Ymd): number => toUtc(day).getUTCDay();

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

/** ISO week-numbering year and week of a day. */
export function isoWeek(day: Ymd): { y: number; w: number } {
  const t = toUtc(day);
  const dow = (t.getUTCDay() + 6) % 7; // Monday 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // Thursday of this week
  const y = t.getUTCFullYear();
  const w = 1 + Math.floor((t.getTime() - Date.UTC(y, 0, 1)) / 86_400_000 / 7);
  return { y, w };
}

/** Monday of the ISO week containing day. */
export const mondayOf = (day: Ymd): Ymd => addDays(day, -((weekday(day) + 6) % 7));

export function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

// ---------------------------------------------------------------- TimeValue builders

export function dayValue(day: Ymd, implied = false): TimeValue {
  const s = iso(day);
  return { start: s, end: s, granularity: 'day', timex: s, implied };
}

export function weekValue(anyDay: Ymd): TimeValue {
  const mon = mondayOf(anyDay);
  const { y, w } = isoWeek(mon);
  return { start: iso(mon), end: iso(addDays(mon, 6)), granularity: 'week', timex: `${y}-W${pad(w)}`, implied: false };
}

export function monthValue(y: number, m: number): TimeValue {
  return { start: iso({ y, m, d: 1 }), end: iso({ y, m, d: daysInMonth(y, m) }), granularity: 'month', timex: `${pad(y, 4)}-${pad(m)}`, implied: false };
}

export function yearValue(y: number): TimeValue {
  return { start: `${pad(y, 4)}-01-01`, end: `${pad(y, 4)}-12-31`, granularity: 'year', timex: pad(y, 4), implied: false };
}

export function rangeValue(a: Ymd, b: Ymd, timex: string, granularity: Granularity = 'range'): TimeValue {
  return { start: iso(a), end: iso(b), granularity, timex, implied: false };
}

/**
 * A value with its place in the text. Written out field by field: an object spread followed
 * by a new key (`{ ...v, span }`) takes V8's slow path, a microsecond a call, and these are
 * made for every time expression, statement and event.
 */
export function placedValue(v: TimeValue, span: Span, implied = v.implied): TimeValue {
  return { start: v.start, end: v.end, granularity: v.granularity, timex: v.timex, implied, span };
}

export function partialValue(timex: string): TimeValue {
  return { start: null, end: null, granularity: 'partial', timex, implied: false };
}
