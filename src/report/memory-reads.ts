/**
 * The reads of a snapshot (src/store/port.ts SnapshotReads) over analysed documents and their
 * ledger in memory: the rows a store would hold for them (export.ts), so a report of the library
 * or of a test is laid out by the same code as one read from a store.
 */
import type { Doc, Ledger } from '../core/types.js';
import type { ExportStream, SnapshotReads } from '../store/port.js';
import { isAnalysedLanguage } from '../core/analysed-languages.js';
import { citation } from '../core/source-ref.js';
import { dateKey } from '../store/store.js';
import { groupBy } from '../core/group.js';
import { buildExport, docSource } from './export.js';
import { exportTables } from './export-json.js';

async function* asAsync<T>(rows: Iterable<T>): AsyncIterable<T> {
  yield* rows;
}

export function memoryReads(docs: readonly Doc[], ledger: Ledger): SnapshotReads {
  const exp = buildExport(docs, ledger);
  const inSet = <T>(rows: readonly T[], ids: readonly string[], key: (r: T) => string): T[] => {
    const want = new Set(ids);
    return rows.filter((r) => want.has(key(r)));
  };
  return {
    exportRows: () => ({ schema: exp.schema, ...Object.fromEntries(exportTables.map((t) => [t, asAsync(exp[t] as unknown[])])) }) as ExportStream,
    counts: async () => ({ documents: docs.length, entities: exp.entities.length, statements: exp.statements.length, events: exp.events.length, claims: exp.claims.length, conflicts: exp.conflicts.length }),
    notAnalysed: async () => docs.filter((d) => !isAnalysedLanguage(d.meta.language)).map((d) => ({ id: d.id, source: citation(docSource(d).url, d.source), language: d.meta.language! })),
    async eventOutlines() {
      // Each event's claims and conflict count filed once, not every claim scanned for each event.
      const claimsOf = groupBy(exp.claims, (c) => c.event);
      const conflictsOf = groupBy(exp.conflicts, (k) => k.event);
      return exp.events.map((row) => {
        const claims = claimsOf.get(row.id) ?? [];
        const dates = claims.map((c) => dateKey(c.date) ?? c.published).filter((d): d is string => d !== null);
        return { id: row.id, label: row.label, status: row.status, claims: claims.length, conflicts: conflictsOf.get(row.id)?.length ?? 0, lastActivity: dates.length ? dates.reduce((m, d) => (d > m ? d : m)) : null };
      });
    },
    claimsOfEvents: async (events) => inSet(exp.claims, events, (c) => c.event),
    conflictsOfEvents: async (events) => inSet(exp.conflicts, events, (k) => k.event),
    claims: async (ids) => inSet(exp.claims, ids, (c) => c.id),
    entities: async (ids) => inSet(exp.entities, ids, (e) => e.id),
    events: async (ids) => inSet(exp.events, ids, (e) => e.id),
    documentCites: async (ids) => inSet(docs, ids, (d) => d.id).map((d) => ({ id: d.id, source: d.source, title: d.meta.title })),
    documentSentences: async (ids) => inSet(docs, ids, (d) => d.id).map((d) => ({ id: d.id, text: d.text, sentences: d.sentences })),
    async unplacedStatements() {
      const placed = new Set(exp.claims.flatMap((c) => (c.statement ? [c.statement] : [])));
      return exp.statements.filter((s) => !placed.has(s.id)).length;
    },
  };
}
