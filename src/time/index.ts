/**
 * The time stage: the publication date, every time expression (Timex), statement dates, and
 * the helpers the events stage calls for claim dates (`timeAt`) and event times (`eventTimeIn`).
 */
import type { Doc, Timex } from '../core/types.js';
import { findTimexesIn } from './find.js';
import { choosePublished } from './published.js';
import { timeAt } from './statement-date.js';

export { timeAt, impliedPublication } from './statement-date.js';
export { eventTimeIn } from './event-time.js';
export { choosePublished } from './published.js';

export interface TimeOptions { published?: string }

/** Choose doc.meta.published from the option, its candidates, header lines, dateline, URL or lede. */
export function resolvePublished(doc: Doc, opts: TimeOptions = {}): void {
  doc.meta.published = choosePublished(doc, opts);
}

/** Fill doc.timexes and the date of every statement. */
export function annotateTime(doc: Doc): void {
  doc.timexes = findTimexesIn(doc.text, doc.meta.published?.date ?? null, doc.sentences);
  for (const s of doc.statements) s.date = timeAt(doc, s.span, s.cue);
}

/** Every time expression in a text, resolved against a reference date (YYYY-MM-DD) or none. */
export function findTimexes(text: string, reference: string | null): Timex[] {
  return findTimexesIn(text, reference);
}
