/**
 * When a claim's status changed, for ordering a side's claims: the time its clause gives when
 * that lies before the day it was said ("talks were put on hold in May", told in October, is a
 * May change), else the day it was said. A time after that day is when the event is to happen,
 * not when its status moved.
 */
import type { LedgerClaim } from '../core/types.js';

export function changeDay(c: LedgerClaim): string {
  const said = c.claim.date?.start ?? c.claim.date?.end ?? '';
  const told = c.told?.end ?? c.told?.start ?? null;
  if (told && said && told.slice(0, 10) < said.slice(0, 10)) return (c.told?.start ?? told).slice(0, 10);
  return said.slice(0, 10);
}
