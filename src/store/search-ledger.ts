/**
 * Search over the ledger: events (label, place, participants' names) and conflicts (their
 * explanation, their event's label and both claims' words), through the contentless FTS5
 * indexes of schema.ts. A read-only store indexed before they existed has none: its events and
 * conflicts are then not searched, and the rest of the search still answers.
 */
import type Database from 'better-sqlite3';
import { hitArgs, hitsOf } from './search-hits.js';
import { conflictColumns, conflictOfRow, type ConflictDbRow, eventColumns } from './ledger-rows.js';
import type { ConflictHit, EventSummary, EventSummaryRow, Page, PageArgs, Queries, SearchHit } from './queries.js';

export interface LedgerHits {
  events: Page<SearchHit<EventSummary>>;
  conflicts: Page<SearchHit<ConflictHit>>;
}

const hasIndexes = (db: Database.Database): boolean =>
  (db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('events_fts', 'conflicts_fts')").pluck().get() as number) === 2;

/**
 * Events and conflicts matching the FTS5 query `q`, best first, each with a snippet made by
 * `snip`. The page of hits is taken first and only its rows joined (and their claims counted):
 * a common word matches most events.
 */
export function searchLedger(db: Database.Database, queries: Queries, q: string, { limit, offset }: PageArgs, snip: (text: string) => string): LedgerHits {
  if (!hasIndexes(db)) return { events: { total: 0, limit, offset, items: [] }, conflicts: { total: 0, limit, offset, items: [] } };
  const count = (table: string): number => db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(q) as number;

  const eventRows = db
    .prepare(
      `SELECT ${eventColumns}, v.last_date, (SELECT COUNT(*) FROM claims c WHERE c.event = v.id) AS claims,
         (SELECT COUNT(*) FROM conflicts k WHERE k.event = v.id) AS conflicts
       FROM ${hitsOf('events_fts')}
       JOIN events v ON v.rowid = hit.rowid ORDER BY hit.score, hit.rowid`,
    )
    .all(...hitArgs(q, { limit, offset })) as EventSummaryRow[];
  const events = queries.eventSummaries(eventRows).map((item) => ({ item, snippet: snip([item.label, item.place, item.participantNames.join(', ')].filter(Boolean).join(' · ')) }));

  const conflictRows = (
    db
      .prepare(
        `SELECT ${conflictColumns} FROM ${hitsOf('conflicts_fts')}
         JOIN conflicts k ON k.rowid = hit.rowid ORDER BY hit.score, hit.rowid`,
      )
      .all(...hitArgs(q, { limit, offset })) as ConflictDbRow[]
  ).map(conflictOfRow);
  const conflicts = queries.conflictHits(conflictRows).map(({ item, text }) => ({ item, snippet: snip(text) }));

  return {
    events: { total: count('events_fts'), limit, offset, items: events },
    conflicts: { total: count('conflicts_fts'), limit, offset, items: conflicts },
  };
}
