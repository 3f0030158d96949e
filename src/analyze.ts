/**
 * The library entry: inputs in, analysed Docs out (no storage). The CLI and the server call
 * this and hand the result to a store.
 */
import { rawHash as rawHashOf } from './core/id.js';
import { readInputs, type ReadOptions, type InputItem } from './ingest/index.js';
import { buildDoc } from './clean/index.js';
import { InputError } from './core/message.js';
import { lexiconFiles, lexiconWarning } from './core/lexicon.js';
import type { Doc } from './core/types.js';
import { analyzeDoc, type PipelineOptions } from './pipeline.js';
import { AnalysisPool, type PoolResult } from './pool/pool.js';
import { rowOf, type PreparedRow } from './store/store.js';

export interface AnalyzeOptions extends ReadOptions, PipelineOptions {
  /** Called once per input item, after it is analysed (with its raw bytes), skipped or rejected. */
  onItem?: (result: { source: string; doc?: Doc; row?: PreparedRow; raw?: Buffer; error?: InputError }) => void;
  /** Keep the analysed Docs in the result (false when a store takes them as they come). */
  collect?: boolean;
  /** Skip items whose raw hash is already known (re-running adds nothing). */
  known?: (rawHash: string, source: string) => boolean;
  /**
   * Worker threads for the per-document stages. 0 or absent: in this thread, with no budget.
   * Documents come back in input order whatever the number, so the results are the same.
   */
  jobs?: number;
  /** Per-document time budget in a worker (ms); over it, the document is stopped and rejected. Default 10 s. */
  docTimeoutMs?: number;
  /** Per-worker heap budget (MB); a document that needs more is stopped and rejected. Default 1024. */
  docMemoryMb?: number;
  /** Drop each Doc's token layer before handing it on (the store never keeps it). */
  dropTokens?: boolean;
  /** Hand on each document as the store writes it (`row`, made in the worker) instead of its Doc. */
  rows?: boolean;
}

export interface AnalyzeResult {
  docs: Doc[];
  errors: InputError[];
  skipped: number;
}

export const DEFAULT_DOC_TIMEOUT_MS = 10_000;
export const DEFAULT_DOC_MEMORY_MB = 1024;

/** Clean and analyse one input item. Throws InputError for bad input. */
export function analyzeItem(item: InputItem, opts: PipelineOptions = {}): Doc {
  return analyzeDoc(buildDoc(item), opts);
}

/** What became of one input item, handed to onItem in input order. */
type Outcome = { source: string; doc?: Doc; row?: PreparedRow; raw?: Buffer; error?: InputError; skipped?: boolean };

export async function analyzePaths(paths: string[], opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const docs: Doc[] = [];
  const errors: InputError[] = [];
  let skipped = 0;
  const deliver = (o: Outcome): void => {
    if (o.error) errors.push(o.error);
    else if (o.skipped) skipped++;
    else if (o.doc && opts.collect !== false) docs.push(o.doc);
    opts.onItem?.(o.skipped ? { source: o.source } : { source: o.source, doc: o.doc, row: o.row, raw: o.raw, error: o.error });
  };
  if (opts.jobs && opts.jobs > 0) await inPool(paths, opts, deliver);
  else await inThread(paths, opts, deliver);
  return { docs, errors, skipped };
}

/** One item after another in this thread: no budget (a library call, a debugger). */
async function inThread(paths: string[], opts: AnalyzeOptions, deliver: (o: Outcome) => void): Promise<void> {
  for await (const item of readInputs(paths, opts)) {
    if (item instanceof InputError) {
      deliver({ source: item.item, error: item });
      continue;
    }
    try {
      const doc = buildDoc(item);
      if (opts.known?.(doc.rawHash, doc.source)) {
        deliver({ source: item.source, skipped: true });
        continue;
      }
      analyzeDoc(doc, opts);
      if (opts.dropTokens) doc.tokens = [];
      deliver(opts.rows ? { source: item.source, row: rowOf(doc), raw: item.bytes } : { source: item.source, doc, raw: item.bytes });
    } catch (err) {
      deliver({ source: item.source, error: err instanceof InputError ? err : new InputError(item.source, (err as Error).message, 'analyze/failed') });
    }
  }
}

/**
 * Items analysed by a pool of workers, several at a time, and handed on in input order, so the
 * store and the ledger cannot depend on which worker finished first. A bounded window of items
 * is in flight: reading does not run ahead of analysis.
 */
async function inPool(paths: string[], opts: AnalyzeOptions, deliver: (o: Outcome) => void): Promise<void> {
  const jobs = opts.jobs!;
  const pool = new AnalysisPool({
    jobs,
    timeoutMs: opts.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS,
    memoryMb: opts.docMemoryMb ?? DEFAULT_DOC_MEMORY_MB,
    init: { lexiconFiles: lexiconFiles(), pipeline: { published: opts.published, skip: opts.skip }, dropTokens: opts.dropTokens ?? false, rows: opts.rows ?? false },
    // Said once for the run (lexiconWarning drops repeats), however many workers compile the same lexicon.
    onWarning: (w) => lexiconWarning(w.file, w.reason, w.ruleId),
  });
  const window: Array<Promise<Outcome> | Outcome> = [];
  const inFlight = jobs * 4;
  try {
    for await (const item of readInputs(paths, opts)) {
      if (item instanceof InputError) window.push({ source: item.item, error: item });
      else window.push(dispatch(pool, item, opts));
      while (window.length > inFlight) deliver(settle(await window.shift()!, opts));
    }
    while (window.length) deliver(settle(await window.shift()!, opts));
  } finally {
    await pool.close();
  }
}

/** Send an item to the pool unless it is already stored: the raw hash is the Doc's (buildDoc). */
function dispatch(pool: AnalysisPool, item: InputItem, opts: AnalyzeOptions): Outcome | Promise<Outcome> {
  const rawHash = rawHashOf(item.bytes);
  if (opts.known?.(rawHash, item.source)) return { source: item.source, skipped: true };
  return pool.run(item).then((r: PoolResult): Outcome => ('error' in r ? { source: item.source, error: r.error } : { source: item.source, ...r, raw: item.bytes }));
}

/**
 * Looked at again in input order: an item repeated in this run was not known when it was sent,
 * but its first copy is stored by now, and a one-thread run would have skipped it.
 */
function settle(o: Outcome, opts: AnalyzeOptions): Outcome {
  const rawHash = o.doc?.rawHash ?? o.row?.rawHash;
  if (rawHash && opts.known?.(rawHash, o.source)) return { source: o.source, skipped: true };
  return o;
}
