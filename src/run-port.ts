/**
 * analyze into any store of the port (src/store/port.ts), SQLite or PostgreSQL: documents are
 * analysed as in run.ts and saved a batch at a time while the next ones are analysed, then the
 * ledger is rebuilt over everything stored, under the store's lock. Re-running on the same
 * input adds nothing.
 */
import { buildLedger } from './pipeline.js';
import { exportLedger, mentionRows, speakerRows } from './report/export.js';
import type { Doc } from './core/types.js';
import type { LedgerRows } from './store/store.js';
import { toDocRow } from './store/store.js';
import type { DocumentStore } from './store/port.js';
import { SqliteDocumentStore } from './store/sqlite/port.js';
import { analyzeInBatches, markCopy, rebuildLedger, signatureIndex, type LedgerPhase, type RunOptions, type RunSummary } from './run.js';

/** The machine's ledger rows over these documents (no corrections: the store applies its own). */
export function machineLedger(docs: Doc[], onPhase: (phase: LedgerPhase) => void = () => {}): LedgerRows {
  const ledger = buildLedger(docs, onPhase);
  return { ...exportLedger(docs, ledger), speakers: speakerRows(ledger.entityOf), mentions: mentionRows(ledger.events) };
}

/**
 * Rebuild the store's ledger over every committed document. On SQLite, as run.ts rebuilds it
 * (conflicts found again only for the events that changed); elsewhere, the whole ledger.
 */
export async function rebuildStoreLedger(store: DocumentStore, onPhase?: (phase: LedgerPhase) => void): Promise<void> {
  if (store instanceof SqliteDocumentStore) rebuildLedger(store.store, onPhase);
  else await store.rebuildLedger((docs) => machineLedger(docs, onPhase));
}

/** Save analysed documents (copies of stored ones marked); returns how many were new. */
export async function saveAnalyzedTo(store: DocumentStore, items: Array<{ doc: Doc; raw: Buffer }>): Promise<number> {
  const copies = signatureIndex(await store.signatures());
  return store.saveDocs(items.map(({ doc, raw }) => toDocRow({ doc, raw, ...markCopy(copies, doc) })));
}

/**
 * `queued`: one job of a queue (src/queue/): no store-wide reads (every stored hash, every copy
 * signature: each job would read them all again), so an input stored before is analysed again
 * and added as nothing; copies are marked by the ledger rebuild, which the ledger job runs.
 */
export async function analyzeIntoPort(store: DocumentStore, paths: string[], opts: RunOptions & { queued?: boolean } = {}): Promise<RunSummary> {
  const known = opts.queued ? new Set<string>() : await store.knownHashes();
  const copies = signatureIndex(opts.queued ? [] : await store.signatures());
  let added = 0;
  // Batches are written one after another while analysis goes on; the first failure fails the run.
  let saving: Promise<void> = Promise.resolve();
  const run = await analyzeInBatches(paths, opts, known, copies, (rows) => {
    saving = saving.then(async () => {
      added += await store.saveDocs(rows);
    });
    // Reported where the run awaits it, not as an unhandled rejection while analysis goes on.
    saving.catch(() => {});
    return true;
  });
  await saving;
  const summary = { ...run, added, counts: await store.counts() };
  if (opts.queued) return { ...summary, notAnalysed: [] };
  if (added > 0 || (await store.ledgerStale())) await rebuildStoreLedger(store);
  return { ...summary, counts: await store.counts(), notAnalysed: await store.notAnalysed() };
}
