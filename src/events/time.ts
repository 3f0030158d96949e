/**
 * Dates for claims and events. The time stage owns date reading; until its helpers
 * (`timeAt`, `eventTimeIn` in src/time) are in place we use the statement date when set,
 * else the publication date marked implied. Only this file changes when they land.
 */
import type { Doc, Statement, TimeValue } from '../core/types.js';
import type { Range } from './context.js';

export function claimDate(doc: Doc, statement: Statement | null): TimeValue | null {
  if (statement?.date) return statement.date;
  const day = doc.meta.published?.date;
  return day ? { start: day, end: day, granularity: 'day', timex: day, implied: true } : null;
}

export function eventTime(_doc: Doc, _range: Range): TimeValue | null {
  return null;
}
