/**
 * The library API: the same pipeline the CLI runs, over any store of the port (a SQLite file or
 * a postgres:// URL, src/store/port.ts): `openStore(db)`, then `analyzeIntoStore`, the reads
 * the API serves (`store.reads()`), the export, corrections and watch.
 */
export { analyzePaths, analyzeItem, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
export { analyzeDoc, buildLedger, docStages, type PipelineOptions } from './pipeline.js';
export { analyzeIntoPort as analyzeIntoStore, rebuildStoreLedger as rebuildLedger } from './run-port.js';
export type { RunSummary, RunOptions } from './run.js';
export { buildExport, type WalkbackExport } from './report/export.js';
export { openDocumentStore as openStore } from './store/open.js';
export type { DocumentStore as Store, LedgerReads, Backend } from './store/port.js';
export { addCorrection, undoCorrection, CorrectionError } from './corrections/correct.js';
export type { Correction, CorrectionInput } from './corrections/kinds.js';
export { Watcher, type WatchOptions, type PollSummary } from './watch/watcher.js';
export type * from './core/types.js';
export type { Span } from './core/span.js';
export { InputError } from './core/message.js';
