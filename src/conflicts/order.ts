/**
 * Time among claims, for conflicts. A claim's status changed at the time its clause gives when
 * that lies before the day it was said ("talks were put on hold in May", told in October, is a
 * May change), else on the day it was said; a time after that day is when the event is to
 * happen, not when its status moved. A claim with neither (an undated article) cannot be placed
 * before or after anything said elsewhere: it is compared within its own article only.
 */
import type { LedgerClaim } from '../core/types.js';

/** How long (days) after a change another claim still answers it, and one round of a dispute lasts. */
export const ANSWER_DAYS = 14;

export interface Timed {
  c: LedgerClaim;
  /** The day of the status change, 'YYYY-MM-DD', or '' when the claim cannot be placed. */
  day: string;
  /** The day it was said, or '' when undated. */
  said: string;
  /** `day` and `said` as day numbers (NaN when empty or unreadable): read once, compared millions of times in a large event. */
  dayN: number;
  saidN: number;
}

const DAY = 86_400_000;
/** Days parsed once: a story's claims fall on a few hundred days. */
const dayNumbers = new Map<string, number>();
function dayNumber(d: string): number {
  let n = dayNumbers.get(d);
  if (n === undefined) {
    n = Math.round(Date.parse(d) / DAY);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(d, n);
  }
  return n;
}
/** The day a claim was said, 'YYYY-MM-DD', or '' when undated. */
const saidDay = (c: LedgerClaim): string => (c.claim.date?.start ?? c.claim.date?.end ?? '').slice(0, 10);

export function changeDay(c: LedgerClaim): string {
  const said = saidDay(c);
  const told = (c.told?.end ?? c.told?.start ?? '').slice(0, 10);
  if (told && said && told < said) return (c.told?.start ?? told).slice(0, 10);
  return said;
}

/** A claim placed in time. */
export function timed(c: LedgerClaim): Timed {
  const day = changeDay(c);
  const said = saidDay(c);
  return { c, day, said, dayN: day === '' ? NaN : dayNumber(day), saidN: said === '' ? NaN : dayNumber(said) };
}

/** Timeline order: change day, then article, then position in it. */
export function byTime(a: Timed, b: Timed): number {
  return a.day.localeCompare(b.day) || a.c.doc.localeCompare(b.c.doc) || a.c.claim.evidence.start - b.c.claim.evidence.start;
}

/** Two claims can be ordered when both are placed in time, or both sit in one article. */
export const comparable = (a: Timed, b: Timed): boolean => (a.day !== '' && b.day !== '') || a.c.doc === b.c.doc;

/** `b` is said on the day of `a`'s change (undated: in the same article). */
export function sameDay(a: Timed, b: Timed): boolean {
  return a.day !== '' && b.said !== '' ? a.day === b.said : a.c.doc === b.c.doc;
}

/**
 * `b` can answer `a`: said within ANSWER_DAYS after `a`'s change, or in the same article unless
 * that article places `a`'s change long before (a December agreement told in a January article
 * is the story so far, not what the January claim answers).
 */
export function answers(a: Timed, b: Timed): boolean {
  const said = b.said;
  if (a.c.doc === b.c.doc) return a.day === '' || said === '' || b.saidN - a.dayN <= ANSWER_DAYS;
  return a.day !== '' && said !== '' && a.day <= said && b.saidN - a.dayN <= ANSWER_DAYS;
}

/** One round of a dispute: answers given within ANSWER_DAYS of each other, or in one undated article. */
export function sameRound(x: Timed, y: Timed): boolean {
  if (x.day === '' || y.day === '') return x.c.doc === y.c.doc;
  return Math.abs(y.dayN - x.dayN) <= ANSWER_DAYS;
}
