/** The library API: the same pipeline the CLI runs. */
export { analyzePaths, analyzeItem, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
export { analyzeDoc, buildLedger, docStages, type PipelineOptions } from './pipeline.js';
export { analyzeIntoStore, rebuildLedger, type RunSummary } from './run.js';
export { buildExport, type WalkbackExport } from './report/export.js';
export { openStore, SqliteStore } from './store/sqlite.js';
export type { Store } from './store/store.js';
export type * from './core/types.js';
export type { Span } from './core/span.js';
export { InputError } from './core/message.js';
