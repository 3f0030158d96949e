/**
 * The export of a PostgreSQL store, read on one client (in the caller's snapshot): documents
 * and their statements in ledger order, the ledger's rows in the order written, each row with
 * where its document was published. The same rows, in the same order, as the SQLite store's
 * exportRows (src/store/sqlite.ts).
 */
import type pg from 'pg';
import type { ClaimRow, ConflictRow, DocumentRow, EntityRow, EventRow, SourceFields, StatementRow } from '../../core/rows.js';
import { documentUrl, shareableSource, sourceFields } from '../../core/source-ref.js';
import { withConflictSources } from '../../report/export.js';
import type { ExportRows } from '../../report/export-json.js';
import { compareDocKeys } from '../ledger-order.js';
import { unpackJson } from '../packed.js';
import { speakerJoin } from '../schema.js';
import { statementColumns, statementOfRow, type StatementDbRow } from '../statement-row.js';
import type { StoredAnalysis } from '../store.js';

const noSource: SourceFields = { url: null, outlet: null, authors: [], published: null };

/** A ledger table's `data` rows in the order written. */
async function dataRows<T>(c: pg.PoolClient, table: string): Promise<T[]> {
  return (await c.query<{ data: string }>(`SELECT data FROM ${table} ORDER BY row_no`)).rows.map((r) => JSON.parse(r.data) as T);
}

export async function exportRowsOf(c: pg.PoolClient): Promise<ExportRows> {
  const docs = (await c.query<{ id: string; source: string; text: string; analysis: Buffer; duplicate_of: string | null }>('SELECT id, source, text, analysis, duplicate_of FROM documents')).rows.sort(compareDocKeys);
  const sources = new Map<string, SourceFields>();
  const documents: DocumentRow[] = docs.map((r) => {
    const m = unpackJson<StoredAnalysis>(r.analysis).meta;
    sources.set(r.id, sourceFields(m, r.source));
    return { id: r.id, source: shareableSource(r.source), url: documentUrl(m, r.source), title: m.title, published: m.published?.date ?? null, publishedFrom: m.published?.source ?? null, outlet: m.outlet, authors: m.authors, language: m.language, duplicateOf: r.duplicate_of, text: r.text };
  });
  const sourced = <T extends { document: string }>(row: T): T & SourceFields => ({ ...row, ...(sources.get(row.document) ?? noSource) });
  // A document's statements in the order written, documents in ledger order; any of no stored document last.
  const byDoc = new Map<string, StatementRow[]>(docs.map((d) => [d.id, []]));
  const orphans: StatementRow[] = [];
  for (const r of (await c.query<StatementDbRow>(`SELECT ${statementColumns} FROM statements s ${speakerJoin} ORDER BY s.row_no`)).rows) {
    const st = sourced(statementOfRow(r));
    (byDoc.get(r.document) ?? orphans).push(st);
  }
  const claims = (await dataRows<ClaimRow>(c, 'claims')).map(sourced);
  const docOfClaim = new Map(claims.map((cl) => [cl.id, cl.document]));
  return {
    schema: 'walkback.export/v1',
    documents,
    statements: [...[...byDoc.values()].flat(), ...orphans],
    entities: await dataRows<EntityRow>(c, 'entities'),
    events: await dataRows<EventRow>(c, 'events'),
    claims,
    conflicts: withConflictSources(await dataRows<ConflictRow>(c, 'conflicts'), docOfClaim, sources),
  };
}
