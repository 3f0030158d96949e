/**
 * analyze into a store: read, analyse and save documents in batches as they come, then
 * rebuild the ledger over everything stored. Re-running on the same input adds nothing.
 */
import { analyzePaths, type AnalyzeOptions } from './analyze.js';
import { clusterLedger, type CorpusStage } from './pipeline.js';
import { updatedConflicts } from './conflicts/update.js';
import { exportLedger, mentionRows, speakerRows } from './report/export.js';
import type { InputError } from './core/message.js';
import type { Doc } from './core/types.js';
import { type Store, type StoreCounts, type NotAnalysed, type DocRow, toDocRow } from './store/store.js';
import { DuplicateIndex, copySignatures } from './clean/duplicates.js';
import { collectIfLarge } from './core/collect.js';
import { spanTextsOf } from './store/ledger-rows.js';

export interface RunSummary {
  read: number;
  added: number;
  unchanged: number;
  errors: InputError[];
  counts: StoreCounts;
  /** Files inside the folders read that are of no format walkback reads (left unread). */
  otherFiles: string[];
  /** Every stored document in a language the stages do not read: stored, not analysed. */
  notAnalysed: NotAnalysed[];
}

export interface RunOptions extends Omit<AnalyzeOptions, 'known' | 'collect'> {
  /** Documents saved per transaction. */
  batchSize?: number;
  /** Characters of text after which a batch is saved early: parts of a long text are big documents. */
  batchChars?: number;
  /** Told as the ledger update enters each phase (benchmarks time them). */
  onLedgerPhase?: (phase: LedgerPhase) => void;
}

export async function analyzeIntoStore(store: Store, paths: string[], opts: RunOptions = {}): Promise<RunSummary> {
  let added = 0;
  // A store locked by another process past the wait: the analysed batch is kept and saved with
  // the next one (or at the end), never dropped; only a lock that outlasts the whole run fails it.
  const run = await analyzeInBatches(paths, opts, store.knownHashes(), copyIndexOf(store), (batch, last) => {
    try {
      added += store.saveDocs(batch);
      return true;
    } catch (err) {
      // A StoreError of a locked store (store/sqlite.ts) says `locked`.
      if (last || (err as { locked?: unknown }).locked !== true) throw err;
      return false;
    }
  });
  if (added > 0 || store.counts().documents > 0) rebuildLedger(store, opts.onLedgerPhase);
  return { ...run, added, counts: store.counts(), notAnalysed: store.notAnalysed() };
}

/** What analyzeInBatches read: inputs, their errors and skips, and files of other types. */
export type BatchRun = Pick<RunSummary, 'read' | 'unchanged' | 'errors' | 'otherFiles'>;

/**
 * Analyse `paths` into the rows a store writes (inputs whose raw hash is `known` skipped, each
 * copy marked against `copies`), handed to `save` in batches bounded by count and characters.
 * `save` says whether it took the batch: one it did not is kept and offered again with the next
 * documents; `last` is the final offer.
 */
export async function analyzeInBatches(paths: string[], opts: RunOptions, known: Set<string>, copies: DuplicateIndex, save: (batch: DocRow[], last: boolean) => boolean): Promise<BatchRun> {
  const batchSize = opts.batchSize ?? 200;
  // A batch of analysed Docs waiting for the store is most of this thread's memory: bound it by size too.
  const batchChars = opts.batchChars ?? 1_000_000;
  let batch: DocRow[] = [];
  let chars = 0;
  let read = 0;
  const otherFiles: string[] = [];
  const flush = (last = false): void => {
    if (!batch.length || !save(batch, last)) return;
    batch = [];
    chars = 0;
  };
  const result = await analyzePaths(paths, {
    ...opts,
    collect: false,
    // Tokens are recomputable and the largest layer: never kept past the per-document stages
    // (and, from a worker, never copied back).
    dropTokens: true,
    // Each document comes back as the row the store writes, made on the worker's core.
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
  flush(true);
  return { read, unchanged: result.skipped, errors: result.errors, otherFiles };
}

/** The copy-detection index over every stored document. */
export function copyIndexOf(store: Store): DuplicateIndex {
  return signatureIndex(store.signatures());
}

/** The copy-detection index over these documents' signatures. */
export function signatureIndex(signatures: Iterable<{ id: string; simhash: string; textHash: string; shingles: string }>): DuplicateIndex {
  const copies = new DuplicateIndex();
  for (const s of signatures) copies.addSignature(s.id, s.simhash, s.textHash, s.shingles);
  return copies;
}

/** Save analysed documents (marking copies of stored ones); returns how many were new. */
export function saveAnalyzed(store: Store, items: Array<{ doc: Doc; raw: Buffer }>, copies = copyIndexOf(store)): number {
  return store.saveDocs(items.map(({ doc, raw }) => toDocRow({ doc, raw, ...markCopy(copies, doc) })));
}

/**
 * A reposted wire story is kept, marked duplicateOf its first copy, and so counted as another
 * outlet carrying it rather than an independent source.
 */
export function markCopy(copies: DuplicateIndex, doc: Doc): { textHash: string; simhash: string; shingles: string } {
  const signatures = copySignatures(doc.text);
  doc.meta.duplicateOf = copyOf(copies, { id: doc.id, ...signatures }) ?? doc.meta.duplicateOf;
  return signatures;
}

/** The stored document this one copies (null if none); the document joins the index. */
export function copyOf(copies: DuplicateIndex, d: { id: string; textHash: string; simhash: string; shingles: string }): string | null {
  const dup = copies.findSignature(d.simhash, d.textHash, d.shingles);
  copies.addSignature(d.id, d.simhash, d.textHash, d.shingles);
  return dup && dup.of !== d.id ? dup.of : null;
}

/**
 * Corpus stages over every stored document, read and replaced under the store's write lock
 * (so a concurrent run's documents are never dropped; see Store.rebuildLedger). Only what the
 * corpus stages read is loaded; statements stay in the store, which sets their speakers from
 * the canonical entities. Conflicts are found again only for the events that changed, the
 * stored ones kept for the others (conflicts/update.ts), unless `full` (`walkback rebuild`) or
 * the editor has corrections (the stored rows are then not the machine's). The editor's
 * corrections are applied to the rows before they are saved; only the rows that changed are
 * written (docs/incremental.md).
 */
export function rebuildLedger(store: Store, told: (phase: LedgerPhase) => void = () => {}, { full = false }: { full?: boolean } = {}): void {
  const onPhase = betweenPhases(told);
  onPhase('load');
  store.rebuildLedger(
    (docs) => {
      const ledger = clusterLedger(docs, onPhase);
      collectIfLarge();
      const { entities, events, claims } = exportLedger(docs, { ...ledger, conflicts: [] });
      // The claims whose words a store need not copy (ledger-rows.ts), marked before any digest
      // of their rows is taken: the digests an update compares must be of the rows it writes.
      const texts = new Map(docs.map((d) => [d.id, d.text]));
      spanTextsOf(claims, (id) => texts.get(id));
      onPhase('conflicts');
      const corrections = store.corrections.list().length > 0;
      const stored = full || corrections ? null : { digests: store.ledgerDigests(), conflictsOf: (event: string) => store.conflictsOf(event) };
      const { conflicts } = updatedConflicts(docs, ledger, { entities, events, claims }, stored);
      onPhase('save');
      // The editor's corrections over the machine's rows, every time (src/corrections/).
      const rows = store.corrections.applyTo({ entities, events, claims, conflicts, speakers: speakerRows(ledger.entityOf), mentions: mentionRows(ledger.events) });
      // Corrected rows are copies (their digests are taken when written): checked again.
      if (rows.claims !== claims) spanTextsOf(rows.claims, (id) => texts.get(id));
      return rows;
    },
    { full },
  );
}

/** `told` at each phase, after the last phase's garbage is collected on a large store (core/collect.ts). */
export function betweenPhases(told: (phase: LedgerPhase) => void): (phase: LedgerPhase) => void {
  return (phase) => {
    collectIfLarge();
    told(phase);
  };
}

/** What a ledger rebuild is doing: reading the stored documents, a corpus stage, writing the ledger. */
export type LedgerPhase = 'load' | CorpusStage | 'save';
