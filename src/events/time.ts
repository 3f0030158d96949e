/**
 * Dates for claims and events, read by the time stage. A claim's date is when it was said:
 * its statement's date, or for the article's own claims the publication date (implied). An
 * event time is when the event is said to happen ("as early as next week", "within two weeks").
 */
import type { Doc, Statement, TimeValue } from '../core/types.js';
import { eventTimeIn, impliedPublication } from '../time/index.js';
import type { Range } from './context.js';

export function claimDate(doc: Doc, statement: Statement | null): TimeValue | null {
  return statement?.date ?? impliedPublication(doc);
}

export function eventTime(doc: Doc, range: Range): TimeValue | null {
  return eventTimeIn(doc, range);
}
