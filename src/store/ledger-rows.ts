/**
 * The ledger's rows as the store writes them: each table's columns (after `id`) and each export
 * row's values for them, declared once, so that the digest a row is stored with (ledger-diff.ts)
 * and the digest the next update computes for it (src/conflicts/update.ts) are of the same values.
 */
import type { ClaimRow, ConflictRow, EntityRow, EventRow } from '../core/rows.js';
import { dateKey } from './store.js';
import { type KeyedRow } from './ledger-diff.js';

export const ledgerColumns = {
  entities: ['name', 'type', 'side', 'data'],
  events: ['type', 'label', 'status', 'last_date', 'data'],
  claims: ['event', 'document', 'source', 'status', 'date', 'data'],
  conflicts: ['kind', 'event', 'claim_a', 'claim_b', 'data'],
} as const;

/** The ledger tables written row by row, each row with its digest. */
export const ledgerRowTables = Object.keys(ledgerColumns) as Array<keyof typeof ledgerColumns>;

/** Each event's latest claim date (its `last_date` column: the story page's order). */
export function lastDates(claims: Iterable<Pick<ClaimRow, 'event' | 'date'>>): Map<string, string> {
  const last = new Map<string, string>();
  for (const c of claims) {
    const d = dateKey(c.date);
    if (d && (last.get(c.event) ?? '') < d) last.set(c.event, d);
  }
  return last;
}

export const entityRow = (e: EntityRow): KeyedRow => ({ id: e.id, values: () => [e.name, e.type, e.side, JSON.stringify(e)] });
export const eventRow = (v: EventRow, lastDate: ReadonlyMap<string, string>): KeyedRow => ({ id: v.id, values: () => [v.type, v.label, v.status, lastDate.get(v.id) ?? null, JSON.stringify(v)] });
export const claimRow = (c: ClaimRow): KeyedRow => ({ id: c.id, values: () => [c.event, c.document, c.source, c.status, dateKey(c.date), JSON.stringify(c)] });
export const conflictRow = (k: ConflictRow): KeyedRow => ({ id: k.id, values: () => [k.kind, k.event, k.claims[0], k.claims[1], JSON.stringify(k)] });

/** An event's digest as an update compares it: its row's, then each of its claims' in order; null when one is unknown. */
export const withClaimDigest = (event: string | null | undefined, claim: string | null): string | null => (event === undefined || event === null || claim === null ? null : `${event} ${claim}`);
