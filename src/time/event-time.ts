/**
 * When an event is said to happen: the time phrase in the event's clause that is not the
 * statement date — "within two weeks", "as early as next week", "in the coming days", "over
 * the summer", "next month", "on Friday" in a future-tense sentence — as an interval with its
 * granularity.
 */
import type { Doc, TimeValue } from '../core/types.js';
import type { Span } from '../core/span.js';
import { governingTimex } from './statement-date.js';
import { placedValue } from './calendar.js';

const REPORTING_NEAR = /\b(?:said|says|told|announced|confirmed|stated|wrote|posted|added)\b/gi;

export function eventTimeIn(doc: Doc, span: Pick<Span, 'start' | 'end'>): TimeValue | null {
  // Phrases that date a reporting verb in the span are statement dates, not event times.
  const statementTimes = new Set<unknown>();
  const chunk = doc.text.slice(span.start, span.end);
  REPORTING_NEAR.lastIndex = 0;
  for (let m = REPORTING_NEAR.exec(chunk); m; m = REPORTING_NEAR.exec(chunk)) {
    const t = governingTimex(doc, { start: span.start + m.index, end: span.start + m.index + m[0].length });
    if (t) statementTimes.add(t);
  }
  for (const t of doc.timexes) {
    if (t.span.start < span.start || t.span.end > span.end || statementTimes.has(t)) continue;
    if (t.type === 'SET' || !t.interval?.start) continue;
    return placedValue(t.interval, t.interval.span ?? t.span, false);
  }
  return null;
}
