/**
 * The export of a PostgreSQL store, read on one client (in the caller's snapshot) a page at a
 * time as each table is iterated: documents and their statements in ledger order, the ledger's
 * rows in the order written (keyset pages on row_no), each row with where its document was
 * published. The same rows, in the same order, as the SQLite store's exportRows
 * (src/store/sqlite.ts); memory holds a page, and a few strings a document.
 */
import type pg from 'pg';
import type { ClaimRow, ConflictRow, EntityRow, EventRow, SourceFields } from '../../core/rows.js';
import { documentUrl, noSource, shareableSource, sourceFields } from '../../core/source-ref.js';
import { withConflictSources } from '../../report/export.js';
import type { ExportStream } from '../port.js';
import { compareDocKeys } from '../ledger-order.js';
import { unpackJson } from '../packed.js';
import { speakerJoin } from '../schema.js';
import { pgStatementColumns as statementColumns, statementOfRow, type StatementDbRow } from '../statement-row.js';
import type { StoredAnalysis } from '../store.js';

/** Rows read per query: enough to amortise a round trip, few enough to bound memory. */
const PAGE = 500;

/** The ledger tables the export reads a keyset page at a time (each has an index on row_no). */
export const PAGED_TABLES = ['entities', 'events', 'claims', 'conflicts'] as const;

/** A page of a ledger table's rows after row_no $1, in the order written. */
export const dataPageSql = (table: (typeof PAGED_TABLES)[number]): string => `SELECT row_no, data FROM ${table} WHERE row_no > $1 ORDER BY row_no LIMIT ${PAGE}`;

/** A ledger table's `data` rows in the order written, a keyset page at a time. */
async function* dataRows<T>(c: pg.PoolClient, table: (typeof PAGED_TABLES)[number]): AsyncIterable<T> {
  for (let after = '0'; ; ) {
    const rows = (await c.query<{ row_no: string; data: string }>(dataPageSql(table), [after])).rows;
    if (!rows.length) return;
    after = rows[rows.length - 1]!.row_no;
    for (const r of rows) yield JSON.parse(r.data) as T;
  }
}

/** Every document's id in ledger order, in pages of PAGE. */
async function* idPages(c: pg.PoolClient): AsyncIterable<string[]> {
  const keys = (await c.query<{ id: string; source: string }>('SELECT id, source FROM documents')).rows.sort(compareDocKeys);
  for (let i = 0; i < keys.length; i += PAGE) yield keys.slice(i, i + PAGE).map((k) => k.id);
}

export function exportStreamOf(c: pg.PoolClient): ExportStream {
  // Where each row was published comes from its document: a small map of every document's source fields, read once, a page at a time.
  let sourceMap: Map<string, SourceFields> | null = null;
  const sources = async (): Promise<Map<string, SourceFields>> => {
    if (sourceMap) return sourceMap;
    const map = new Map<string, SourceFields>();
    for (let after = '0'; ; ) {
      const rows = (await c.query<{ seq: string; id: string; source: string; analysis: Buffer }>(`SELECT seq, id, source, analysis FROM documents WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`, [after])).rows;
      if (!rows.length) break;
      after = rows[rows.length - 1]!.seq;
      for (const r of rows) map.set(r.id, sourceFields(unpackJson<StoredAnalysis>(r.analysis).meta, r.source));
    }
    return (sourceMap = map);
  };
  const sourced = async <T extends { document: string }>(row: T): Promise<T & SourceFields> => ({ ...row, ...((await sources()).get(row.document) ?? noSource()) });
  return {
    schema: 'walkback.export/v1',
    documents: {
      async *[Symbol.asyncIterator]() {
        for await (const ids of idPages(c)) {
          const rows = new Map((await c.query<{ id: string; source: string; text: string; analysis: Buffer; duplicate_of: string | null }>('SELECT id, source, text, analysis, duplicate_of FROM documents WHERE id = ANY($1)', [ids])).rows.map((r) => [r.id, r]));
          for (const id of ids) {
            const r = rows.get(id)!;
            const m = unpackJson<StoredAnalysis>(r.analysis).meta;
            yield { id: r.id, source: shareableSource(r.source), url: documentUrl(m, r.source), title: m.title, published: m.published?.date ?? null, publishedFrom: m.published?.source ?? null, outlet: m.outlet, authors: m.authors, language: m.language, duplicateOf: r.duplicate_of, text: r.text };
          }
        }
      },
    },
    statements: {
      async *[Symbol.asyncIterator]() {
        // A document's statements in the order written, documents in ledger order; any of no stored document last.
        for await (const ids of idPages(c)) {
          const byDoc = new Map<string, StatementDbRow[]>();
          for (const r of (await c.query<StatementDbRow>(`SELECT ${statementColumns} FROM statements s ${speakerJoin} WHERE s.document = ANY($1) ORDER BY s.row_no`, [ids])).rows) {
            const list = byDoc.get(r.document);
            if (list) list.push(r);
            else byDoc.set(r.document, [r]);
          }
          for (const id of ids) for (const r of byDoc.get(id) ?? []) yield await sourced(statementOfRow(r));
        }
        for (const r of (await c.query<StatementDbRow>(`SELECT ${statementColumns} FROM statements s ${speakerJoin} WHERE s.document NOT IN (SELECT id FROM documents) ORDER BY s.row_no`)).rows) yield await sourced(statementOfRow(r));
      },
    },
    entities: dataRows<EntityRow>(c, 'entities'),
    events: dataRows<EventRow>(c, 'events'),
    claims: {
      async *[Symbol.asyncIterator]() {
        for await (const cl of dataRows<ClaimRow>(c, 'claims')) yield await sourced(cl);
      },
    },
    conflicts: {
      async *[Symbol.asyncIterator]() {
        let page: ConflictRow[] = [];
        // Which document each of a page's claims is in, for the conflicts' sources.
        const flush = async (): Promise<ConflictRow[]> => {
          const docOfClaim = new Map((await c.query<{ id: string; document: string }>('SELECT id, document FROM claims WHERE id = ANY($1)', [page.flatMap((k) => k.claims)])).rows.map((r) => [r.id, r.document]));
          const out = withConflictSources(page, docOfClaim, await sources());
          page = [];
          return out;
        };
        for await (const k of dataRows<ConflictRow>(c, 'conflicts')) {
          page.push(k);
          if (page.length >= PAGE) yield* await flush();
        }
        if (page.length) yield* await flush();
      },
    },
  };
}
