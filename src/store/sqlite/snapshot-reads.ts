/**
 * The reads of one snapshot of a SQLite store (port.ts SnapshotReads): each query reads a bounded
 * piece (the rows of a few events, of a page of ids), so that `report` and `export` hold a page
 * of the store at a time, never the store.
 */
import type { ClaimRow, ConflictRow, EntityRow, SourceFields } from '../../core/rows.js';
import type { DocumentCite, EventOutline, ExportStream, SnapshotReads } from '../port.js';
import { exportTables } from '../../report/export-json.js';
import { compareDocKeys } from '../ledger-order.js';
import { claimStatementSql } from '../schema.js';
import { unpackJson, unpackText } from '../packed.js';
import { claimColumns, claimOfRow, type ClaimDbRow, conflictColumns, conflictOfRow, type ConflictDbRow, eventColumns, eventOfRow, type EventDbRow } from '../ledger-rows.js';
import { withConflictSources } from '../../report/export.js';
import { noSource, sourceFields } from '../../core/source-ref.js';
import { claimDocuments, type SqliteStore } from '../sqlite.js';
import type { StoredAnalysis } from '../store.js';

/** A sync iterable read as an async one. */
async function* asAsync<T>(rows: Iterable<T>): AsyncIterable<T> {
  yield* rows;
}

/** `SELECT ... WHERE column IN (ids)`: one JSON array parameter, whatever the number of ids. */
const IN_IDS = '(SELECT value FROM json_each(?))';

const parsed = <T>(rows: unknown[]): T[] => (rows as string[]).map((d) => JSON.parse(d) as T);

export function sqliteSnapshotReads(store: SqliteStore): SnapshotReads {
  const db = store.db;
  const dataOf = <T>(sql: string, ids: readonly string[]): T[] => parsed<T>(db.prepare(sql).pluck().all(JSON.stringify(ids)));
  // A stored claim keeps neither its columns nor where it was published (ledger-rows.ts
  // claimData): both are read back, the latter from the claims' documents, each read once a
  // snapshot (a story's events share their articles; a few fields a document).
  const sources = new Map<string, SourceFields>();
  const readSources = (docs: Iterable<string>): void => {
    const unread = [...new Set(docs)].filter((d) => !sources.has(d));
    const metas = unread.length ? (db.prepare(`SELECT id, source, analysis FROM documents WHERE id IN ${IN_IDS}`).all(JSON.stringify(unread)) as Array<{ id: string; source: string; analysis: Buffer | string }>) : [];
    for (const r of metas) sources.set(r.id, sourceFields(unpackJson<StoredAnalysis>(r.analysis).meta, r.source));
  };
  // Row by row, each claim given its sources in place: the busiest event of a large store has
  // 20,000 claims, and the rows read whole, then parsed, then copied with their sources were
  // three sets of them at once (TimelineJS's peak on 50,000 articles).
  const claimsOf = (where: string, ids: readonly string[]): ClaimRow[] => {
    const rows: ClaimRow[] = [];
    for (const r of db.prepare(`SELECT ${claimColumns} FROM claims c WHERE ${where} ORDER BY c.rowid`).iterate(JSON.stringify(ids)) as IterableIterator<ClaimDbRow>) rows.push(claimOfRow(r));
    readSources(rows.map((c) => c.document));
    for (const c of rows) Object.assign(c, sources.get(c.document) ?? noSource());
    return rows;
  };
  // A stored conflict leaves where its claims were published to its reader (ledger-rows.ts conflictData).
  const conflictsOf = (events: readonly string[]): ConflictRow[] => {
    const rows = (db.prepare(`SELECT ${conflictColumns} FROM conflicts k WHERE k.event IN ${IN_IDS} ORDER BY k.rowid`).all(JSON.stringify(events)) as ConflictDbRow[]).map(conflictOfRow);
    const docOfClaim = claimDocuments(db, rows.flatMap((k) => k.claims));
    readSources(docOfClaim.values());
    return withConflictSources(rows, docOfClaim, sources);
  };
  return {
    exportRows(): ExportStream {
      const rows = store.exportRows();
      return { schema: rows.schema, ...Object.fromEntries(exportTables.map((t) => [t, asAsync(rows[t] as Iterable<unknown>)])) } as ExportStream;
    },
    counts: async () => store.counts(),
    async notAnalysed() {
      const docs = store.notAnalysed();
      const keys = new Map((db.prepare(`SELECT id, source FROM documents WHERE id IN ${IN_IDS}`).all(JSON.stringify(docs.map((d) => d.id))) as Array<{ id: string; source: string }>).map((r) => [r.id, r]));
      return docs.sort((a, b) => compareDocKeys(keys.get(a.id)!, keys.get(b.id)!));
    },
    async eventOutlines(): Promise<EventOutline[]> {
      const rows = db
        .prepare(
          `SELECT e.id, e.label, e.status,
             (SELECT COUNT(*) FROM claims c WHERE c.event = e.id) AS claims,
             (SELECT COUNT(*) FROM conflicts k WHERE k.event = e.id) AS conflicts,
             (SELECT MAX(COALESCE(c.date, d.published)) FROM claims c LEFT JOIN documents d ON d.id = c.document WHERE c.event = e.id) AS last
           FROM events e ORDER BY e.rowid`,
        )
        .all() as Array<{ id: string; label: string; status: string | null; claims: number; conflicts: number; last: string | null }>;
      return rows.map((r) => ({ id: r.id, label: r.label, status: r.status, claims: r.claims, conflicts: r.conflicts, lastActivity: r.last }));
    },
    claimsOfEvents: async (events) => claimsOf(`c.event IN ${IN_IDS}`, events),
    conflictsOfEvents: async (events) => conflictsOf(events),
    claims: async (ids) => claimsOf(`c.id IN ${IN_IDS}`, ids),
    entities: async (ids) => dataOf<EntityRow>(`SELECT data FROM entities WHERE id IN ${IN_IDS}`, ids),
    events: async (ids) => (db.prepare(`SELECT ${eventColumns} FROM events v WHERE v.id IN ${IN_IDS}`).all(JSON.stringify(ids)) as EventDbRow[]).map(eventOfRow),
    documentCites: async (ids) => db.prepare(`SELECT id, source, title FROM documents WHERE id IN ${IN_IDS}`).all(JSON.stringify(ids)) as DocumentCite[],
    async documentSentences(ids) {
      const rows = db.prepare(`SELECT id, text, analysis FROM documents WHERE id IN ${IN_IDS}`).all(JSON.stringify(ids)) as Array<{ id: string; text: string | Buffer; analysis: Buffer | string }>;
      return rows.map((r) => ({ id: r.id, text: unpackText(r.text), sentences: unpackJson<StoredAnalysis>(r.analysis).sentences.map((s) => ({ start: s.start, end: s.end })) }));
    },
    unplacedStatements: async () => db.prepare(`SELECT COUNT(*) FROM statements WHERE id NOT IN (SELECT ${claimStatementSql('c')} AS s FROM claims c WHERE s IS NOT NULL)`).pluck().get() as number,
  };
}
