/**
 * The reads of one snapshot of a PostgreSQL store (port.ts SnapshotReads), on the client of the
 * snapshot's transaction: the same rows, in the same order, as src/store/sqlite/snapshot-reads.ts.
 */
import type pg from 'pg';
import type { ClaimRow, ConflictRow, EntityRow, EventRow } from '../../core/rows.js';
import { ANALYSED_LANGUAGES } from '../../core/analysed-languages.js';
import { citation, documentUrl } from '../../core/source-ref.js';
import type { DocumentCite, SnapshotReads } from '../port.js';
import { compareDocKeys } from '../ledger-order.js';
import { unpackJson } from '../packed.js';
import type { StoredAnalysis, StoreCounts } from '../store.js';
import { exportStreamOf } from './export.js';

export function pgSnapshotReads(c: pg.PoolClient): SnapshotReads {
  const dataOf = async <T>(sql: string, ids: readonly string[]): Promise<T[]> => (await c.query<{ data: string }>(sql, [ids])).rows.map((r) => JSON.parse(r.data) as T);
  return {
    exportRows: () => exportStreamOf(c),
    async counts() {
      const r = (await c.query<Record<keyof StoreCounts, string>>(`SELECT ${['documents', 'entities', 'statements', 'events', 'claims', 'conflicts'].map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`)).rows[0]!;
      return { documents: Number(r.documents), entities: Number(r.entities), statements: Number(r.statements), events: Number(r.events), claims: Number(r.claims), conflicts: Number(r.conflicts) };
    },
    async notAnalysed() {
      const rows = (await c.query<{ id: string; source: string; language: string; analysis: Buffer }>('SELECT id, source, language, analysis FROM documents WHERE language IS NOT NULL AND NOT (language = ANY($1))', [[...ANALYSED_LANGUAGES]])).rows;
      return rows.sort(compareDocKeys).map((r) => ({ id: r.id, source: citation(documentUrl(unpackJson<StoredAnalysis>(r.analysis).meta, r.source), r.source), language: r.language }));
    },
    async eventOutlines() {
      const rows = (
        await c.query<{ id: string; label: string; status: string | null; claims: string; conflicts: string; last: string | null }>(
          `SELECT e.id, e.label, e.status,
             (SELECT COUNT(*) FROM claims c WHERE c.event = e.id) AS claims,
             (SELECT COUNT(*) FROM conflicts k WHERE k.event = e.id) AS conflicts,
             (SELECT MAX(COALESCE(c.date, d.published) COLLATE "C") FROM claims c LEFT JOIN documents d ON d.id = c.document WHERE c.event = e.id) AS last
           FROM events e ORDER BY e.row_no`,
        )
      ).rows;
      return rows.map((r) => ({ id: r.id, label: r.label, status: r.status, claims: Number(r.claims), conflicts: Number(r.conflicts), lastActivity: r.last }));
    },
    claimsOfEvents: (events) => dataOf<ClaimRow>('SELECT data FROM claims WHERE event = ANY($1) ORDER BY row_no', events),
    conflictsOfEvents: (events) => dataOf<ConflictRow>('SELECT data FROM conflicts WHERE event = ANY($1) ORDER BY row_no', events),
    claims: (ids) => dataOf<ClaimRow>('SELECT data FROM claims WHERE id = ANY($1)', ids),
    entities: (ids) => dataOf<EntityRow>('SELECT data FROM entities WHERE id = ANY($1)', ids),
    events: (ids) => dataOf<EventRow>('SELECT data FROM events WHERE id = ANY($1)', ids),
    documentCites: async (ids) => (await c.query<DocumentCite>('SELECT id, source, title FROM documents WHERE id = ANY($1)', [ids])).rows,
    async documentSentences(ids) {
      const rows = (await c.query<{ id: string; text: string; analysis: Buffer }>('SELECT id, text, analysis FROM documents WHERE id = ANY($1)', [ids])).rows;
      return rows.map((r) => ({ id: r.id, text: r.text, sentences: unpackJson<StoredAnalysis>(r.analysis).sentences.map((s) => ({ start: s.start, end: s.end })) }));
    },
    async unplacedStatements() {
      const r = (await c.query<{ n: string }>("SELECT COUNT(*) AS n FROM statements WHERE id NOT IN (SELECT data::json->>'statement' FROM claims WHERE data::json->>'statement' IS NOT NULL)")).rows[0]!;
      return Number(r.n);
    },
  };
}
