/**
 * When a claim's status changed, for ordering a side's claims: the time its clause gives when
 * that lies before the day it was said ("talks were put on hold in May", told in October, is a
 * May change), else the day it was said. A time after that day is when the event is to happen,
 * not when its status moved. A claim with neither (an undated article) cannot be placed
 * before or after anything said elsewhere: it is compared within its own document only.
 */
import type { LedgerClaim } from '../core/types.js';

/** 'YYYY-MM-DD', or '' when the claim cannot be placed in time. */
export function changeDay(c: LedgerClaim): string {
  const said = (c.claim.date?.start ?? c.claim.date?.end ?? '').slice(0, 10);
  const told = (c.told?.end ?? c.told?.start ?? '').slice(0, 10);
  if (told && said && told < said) return (c.told?.start ?? told).slice(0, 10);
  return said;
}

const DAY = 86_400_000;

/** Days from one change day to another (both placed). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY);
}
