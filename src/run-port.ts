/**
 * analyze into any store of the port (src/store/port.ts), SQLite or PostgreSQL: documents are
 * analysed as in run.ts and saved a batch at a time while the next ones are analysed, then the
 * ledger is rebuilt over everything stored, under the store's lock. Re-running on the same
 * input adds nothing.
 */
import { analyzePaths } from './analyze.js';
import { buildLedger } from './pipeline.js';
import { exportLedger, mentionRows, speakerRows } from './report/export.js';
import type { Doc } from './core/types.js';
import type { DocRow, LedgerRows } from './store/store.js';
import type { DocumentStore } from './store/port.js';
import { copyOf, signatureIndex, type LedgerPhase, type RunOptions, type RunSummary } from './run.js';

/** The machine's ledger rows over these documents (no corrections: the store applies its own). */
export function machineLedger(docs: Doc[], onPhase: (phase: LedgerPhase) => void = () => {}): LedgerRows {
  const ledger = buildLedger(docs, onPhase);
  return { ...exportLedger(docs, ledger), speakers: speakerRows(ledger.entityOf), mentions: mentionRows(ledger.events) };
}

/** Rebuild the store's ledger over every committed document. */
export async function rebuildStoreLedger(store: DocumentStore, onPhase?: (phase: LedgerPhase) => void): Promise<void> {
  await store.rebuildLedger((docs) => machineLedger(docs, onPhase));
}

/**
 * `queued`: one job of a queue (src/queue/): no store-wide reads (every stored hash, every copy
 * signature: each job would read them all again), so an input stored before is analysed again
 * and added as nothing; copies are marked by the ledger rebuild, which the ledger job runs.
 */
export async function analyzeIntoPort(store: DocumentStore, paths: string[], opts: RunOptions & { queued?: boolean } = {}): Promise<RunSummary> {
  const known = opts.queued ? new Set<string>() : await store.knownHashes();
  const copies = signatureIndex(opts.queued ? [] : await store.signatures());
  const batchSize = opts.batchSize ?? 200;
  const batchChars = opts.batchChars ?? 1_000_000;
  let batch: DocRow[] = [];
  let chars = 0;
  let added = 0;
  let read = 0;
  const otherFiles: string[] = [];
  // Batches are written one after another while analysis goes on; the first failure fails the run.
  let saving: Promise<void> = Promise.resolve();
  const flush = (): void => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    chars = 0;
    saving = saving.then(async () => {
      added += await store.saveDocs(rows);
    });
    // Reported where the run awaits it, not as an unhandled rejection while analysis goes on.
    saving.catch(() => {});
  };
  const result = await analyzePaths(paths, {
    ...opts,
    collect: false,
    dropTokens: true,
    rows: true,
    known: (hash) => known.has(hash),
    onOtherFile: (f) => {
      otherFiles.push(f);
      opts.onOtherFile?.(f);
    },
    onItem: (r) => {
      read++;
      if (r.row && r.raw) {
        known.add(r.row.rawHash);
        batch.push({ ...r.row, raw: r.raw, duplicateOf: copyOf(copies, r.row) });
        chars += r.row.text.length;
        if (batch.length >= batchSize || chars >= batchChars) flush();
      }
      opts.onItem?.(r);
    },
  });
  flush();
  await saving;
  if (opts.queued) return { read, added, unchanged: result.skipped, errors: result.errors, counts: await store.counts(), otherFiles, notAnalysed: [] };
  if (added > 0 || (await store.ledgerStale())) await rebuildStoreLedger(store);
  return { read, added, unchanged: result.skipped, errors: result.errors, counts: await store.counts(), otherFiles, notAnalysed: await store.notAnalysed() };
}
