/** One sentence naming both sources, both dates and both statuses. */
import type { Entity, LedgerClaim, TimeValue } from '../core/types.js';
import { statusLabel } from '../core/vocabulary.js';

const when = (t: TimeValue | null): string => (t ? (t.granularity === 'day' && t.start ? `on ${t.start}` : `in ${t.timex}`) : 'at an unknown date');

export function sourceName(c: LedgerClaim, entities: ReadonlyMap<string, Entity>): string {
  const who = c.source ?? c.actor;
  return (who ? entities.get(who)?.name : null) ?? c.claim.sourceText ?? 'the article';
}

export function explain(a: LedgerClaim, b: LedgerClaim, entities: ReadonlyMap<string, Entity>): string {
  return `${sourceName(a, entities)} said ${when(a.claim.date)} that it was ${statusLabel(a.claim.status)}, but ${sourceName(b, entities)} said ${when(b.claim.date)} that it was ${statusLabel(b.claim.status)}.`;
}
