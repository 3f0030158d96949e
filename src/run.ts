/**
 * analyze into a store: read, analyse and save documents in batches as they come, then
 * rebuild the ledger over everything stored. Re-running on the same input adds nothing.
 */
import { analyzePaths, type AnalyzeOptions } from './analyze.js';
import { buildLedger } from './pipeline.js';
import { exportLedger, speakerRows } from './report/export.js';
import type { InputError } from './core/message.js';
import type { Doc } from './core/types.js';
import type { Store, StoreCounts, DocRow } from './store/store.js';
import { DuplicateIndex } from './clean/duplicates.js';
import { analysedRow } from './store/analysed-row.js';

export interface RunSummary {
  read: number;
  added: number;
  unchanged: number;
  errors: InputError[];
  counts: StoreCounts;
}

export interface RunOptions extends Omit<AnalyzeOptions, 'known' | 'collect'> {
  /** Documents saved per transaction. */
  batchSize?: number;
  /** Characters of text after which a batch is saved early: parts of a long text are big documents. */
  batchChars?: number;
}

export async function analyzeIntoStore(store: Store, paths: string[], opts: RunOptions = {}): Promise<RunSummary> {
  const known = store.knownHashes();
  const copies = copyIndexOf(store);
  const batchSize = opts.batchSize ?? 200;
  // A batch of analysed Docs waiting for the store is most of this thread's memory: bound it by size too.
  const batchChars = opts.batchChars ?? 1_000_000;
  let batch: DocRow[] = [];
  let chars = 0;
  let added = 0;
  let read = 0;
  // A store locked by another process past the wait: the analysed batch is kept and saved with
  // the next one (or at the end), never dropped; only a lock that outlasts the whole run fails it.
  const flush = (last = false): void => {
    if (!batch.length) return;
    try {
      added += store.saveDocs(batch);
    } catch (err) {
      // A StoreError of a locked store (store/sqlite.ts) says `locked`.
      if (last || (err as { locked?: unknown }).locked !== true) throw err;
      return;
    }
    batch = [];
    chars = 0;
  };
  const result = await analyzePaths(paths, {
    ...opts,
    collect: false,
    // Each document comes back as the row the store writes (made in the worker): this thread
    // holds strings for the batch, never the object graph of an analysis.
    rows: true,
    known: (hash) => known.has(hash),
    onItem: (r) => {
      read++;
      if (r.row && r.raw) {
        known.add(r.row.rawHash);
        batch.push(markCopy(copies, { ...r.row, raw: r.raw }));
        chars += r.row.text.length;
        if (batch.length >= batchSize || chars >= batchChars) flush();
      }
      opts.onItem?.(r);
    },
  });
  flush(true);
  if (added > 0 || store.counts().documents > 0) rebuildLedger(store);
  return { read, added, unchanged: result.skipped, errors: result.errors, counts: store.counts() };
}

/** The copy-detection index over every stored document. */
export function copyIndexOf(store: Store): DuplicateIndex {
  const copies = new DuplicateIndex();
  for (const s of store.signatures()) copies.addSignature(s.id, s.simhash, s.textHash);
  return copies;
}

/** Save analysed documents (marking copies of stored ones); returns how many were new. */
export function saveAnalyzed(store: Store, items: Array<{ doc: Doc; raw: Buffer }>, copies = copyIndexOf(store)): number {
  return store.saveDocs(items.map(({ doc, raw }) => markCopy(copies, { ...analysedRow(doc), raw })));
}

/**
 * A reposted wire story is kept, marked duplicateOf its first copy, and so counted as another
 * outlet carrying it rather than an independent source. The column is the verdict: the ledger
 * rebuild renews it over every stored document, and the stored analysis JSON's is not read.
 */
function markCopy(copies: DuplicateIndex, row: DocRow): DocRow {
  const dup = copies.findSignature(row.simhash, row.textHash);
  if (dup && dup.of !== row.id) row.duplicateOf = dup.of;
  copies.addSignature(row.id, row.simhash, row.textHash);
  return row;
}

/**
 * Corpus stages over every stored document, read and replaced under the store's write lock
 * (so a concurrent run's documents are never dropped; see Store.rebuildLedger). Only what the
 * corpus stages read is loaded; statements stay in the store, which sets their speakers from
 * the canonical entities.
 */
export function rebuildLedger(store: Store): void {
  store.rebuildLedger((docs) => {
    const ledger = buildLedger(docs);
    return { ...exportLedger(docs, ledger), speakers: speakerRows(ledger.entityOf) };
  });
}
