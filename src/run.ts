/**
 * analyze into a store: read, analyse and save documents in batches as they come, then
 * rebuild the ledger over everything stored. Re-running on the same input adds nothing.
 */
import { analyzePaths, type AnalyzeOptions } from './analyze.js';
import { buildLedger } from './pipeline.js';
import { buildExport } from './report/export.js';
import type { InputError } from './core/message.js';
import type { Doc } from './core/types.js';
import type { Store, StoreCounts } from './store/store.js';

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
}

export async function analyzeIntoStore(store: Store, paths: string[], opts: RunOptions = {}): Promise<RunSummary> {
  const known = store.knownHashes();
  const batchSize = opts.batchSize ?? 200;
  let batch: Array<{ doc: Doc; raw: Buffer }> = [];
  let added = 0;
  let read = 0;
  const flush = (): void => {
    if (batch.length) added += store.saveDocs(batch);
    batch = [];
  };
  const result = await analyzePaths(paths, {
    ...opts,
    collect: false,
    known: (hash) => known.has(hash),
    onItem: (r) => {
      read++;
      if (r.doc && r.raw) {
        known.add(r.doc.rawHash);
        // Tokens are recomputable and the largest layer: never kept past the per-document stages.
        r.doc.tokens = [];
        batch.push({ doc: r.doc, raw: r.raw });
        if (batch.length >= batchSize) flush();
      }
      opts.onItem?.(r);
    },
  });
  flush();
  if (added > 0 || store.counts().documents > 0) rebuildLedger(store);
  return { read, added, unchanged: result.skipped, errors: result.errors, counts: store.counts() };
}

/** Corpus stages over every stored document; the ledger tables are replaced in one transaction. */
export function rebuildLedger(store: Store): void {
  const docs = store.loadDocs();
  store.saveLedger(buildExport(docs, buildLedger(docs)));
}
