/**
 * analyze into any store of the port (src/store/port.ts), SQLite or PostgreSQL: documents are
 * analysed as in run.ts and saved a batch at a time while the next ones are analysed, then the
 * ledger is rebuilt over everything stored, under the store's lock. Re-running on the same
 * input adds nothing.
 */
import { clusterLedger } from './pipeline.js';
import { conflictRowSteps } from './conflicts/update.js';
import { exportLedger, mentionRows, speakerRows } from './report/export.js';
import type { Doc } from './core/types.js';
import type { StagedLedger } from './store/staged-ledger.js';
import { toDocRow } from './store/store.js';
import type { DocumentStore } from './store/port.js';
import { SqliteDocumentStore } from './store/sqlite/port.js';
import { analyzeInBatches, betweenPhases, markCopy, rebuildLedger, signatureIndex, type BatchRun, type LedgerPhase, type RunOptions, type RunSummary } from './run.js';
import type { DuplicateIndex } from './clean/duplicates.js';
import { readInputs, type ReadOptions } from './ingest/index.js';
import { InputError } from './core/message.js';
import { collectIfLarge } from './core/collect.js';
import { rawHash } from './core/id.js';

/**
 * The machine's ledger rows over these documents (no corrections: the store applies its own),
 * the conflicts still to find: the store finds them while it writes the rest.
 */
export function machineLedger(docs: Doc[], onPhase: (phase: LedgerPhase) => void = () => {}): StagedLedger {
  const ledger = clusterLedger(docs, onPhase);
  // As run.ts: clustering's garbage collected before the rows are made on a large store.
  collectIfLarge();
  const { entities, events, claims } = exportLedger(docs, { ...ledger, conflicts: [] });
  // Found while the store writes the other tables: this phase and the save are one.
  onPhase('conflicts');
  return { rows: { entities, events, claims, speakers: speakerRows(ledger.entityOf), mentions: mentionRows(ledger.events) }, conflicts: conflictRowSteps(docs, ledger) };
}

/**
 * Rebuild the store's ledger over every committed document. On SQLite, as run.ts rebuilds it
 * (conflicts found again only for the events that changed); elsewhere, the whole ledger.
 */
export async function rebuildStoreLedger(store: DocumentStore, onPhase?: (phase: LedgerPhase) => void): Promise<void> {
  if (store instanceof SqliteDocumentStore) rebuildLedger(store.store, onPhase);
  else await store.rebuildLedger((docs) => machineLedger(docs, betweenPhases(onPhase ?? (() => {}))));
}

/** Save analysed documents (copies of stored ones marked); returns how many were new. */
export async function saveAnalyzedTo(store: DocumentStore, items: Array<{ doc: Doc; raw: Buffer }>): Promise<number> {
  const copies = signatureIndex(await store.signatures());
  return store.saveDocs(items.map(({ doc, raw }) => toDocRow({ doc, raw, ...markCopy(copies, doc) })));
}

/** A URL is read once, by the analysis: its hash is not known before. */
const isUrl = (p: string): boolean => /^https?:\/\//i.test(p);

/**
 * The raw hashes of every item these files hold (a feed or a JSONL file holds several, a long
 * text is read in parts), as the analysis reads them; null when one cannot be read (the
 * analysis says why). URLs are left out.
 */
export async function inputHashes(paths: string[], opts: ReadOptions = {}): Promise<string[] | null> {
  const hashes: string[] = [];
  for await (const item of readInputs(paths.filter((p) => !isUrl(p)), opts)) {
    if (item instanceof InputError) return null;
    hashes.push(rawHash(item.bytes));
  }
  return hashes;
}

/** Analyse `paths` into the store, each batch saved while the next is analysed; what was read and how many documents were new. */
async function saveInBatches(store: DocumentStore, paths: string[], opts: RunOptions, known: Set<string>, copies: DuplicateIndex): Promise<BatchRun & { added: number }> {
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
  return { ...run, added };
}

/**
 * One job of a queue (src/queue/): no store-wide reads (every stored hash, every copy
 * signature, the counts: each job would read them all again), only whether this input's items
 * are stored, so a job whose input was stored meanwhile costs no analysis. Copies are marked,
 * and the ledger built, by the ledger job's rebuild.
 */
export async function analyzeJob(store: DocumentStore, paths: string[], opts: RunOptions): Promise<BatchRun & { added: number }> {
  return saveInBatches(store, paths, opts, await store.storedHashes((await inputHashes(paths, opts)) ?? []), signatureIndex([]));
}

export async function analyzeIntoPort(store: DocumentStore, paths: string[], opts: RunOptions = {}): Promise<RunSummary> {
  const run = await saveInBatches(store, paths, opts, await store.knownHashes(), signatureIndex(await store.signatures()));
  if (run.added > 0 || (await store.ledgerStale())) await rebuildStoreLedger(store);
  return { ...run, counts: await store.counts(), notAnalysed: await store.notAnalysed() };
}
