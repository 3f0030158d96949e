/**
 * The library entry: inputs in, analysed Docs out (no storage). The CLI and the server call
 * this and hand the result to a store.
 */
import { readInputs, type ReadOptions, type InputItem } from './ingest/index.js';
import { buildDoc } from './clean/index.js';
import { InputError } from './core/message.js';
import type { Doc } from './core/types.js';
import { analyzeDoc, type PipelineOptions } from './pipeline.js';

export interface AnalyzeOptions extends ReadOptions, PipelineOptions {
  /** Called once per input item, after it is analysed (with its raw bytes), skipped or rejected. */
  onItem?: (result: { source: string; doc?: Doc; raw?: Buffer; error?: InputError }) => void;
  /** Keep the analysed Docs in the result (false when a store takes them as they come). */
  collect?: boolean;
  /** Skip items whose raw hash is already known (re-running adds nothing). */
  known?: (rawHash: string, source: string) => boolean;
}

export interface AnalyzeResult {
  docs: Doc[];
  errors: InputError[];
  skipped: number;
}

/** Clean and analyse one input item. Throws InputError for bad input. */
export function analyzeItem(item: InputItem, opts: PipelineOptions = {}): Doc {
  return analyzeDoc(buildDoc(item), opts);
}

export async function analyzePaths(paths: string[], opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const docs: Doc[] = [];
  const errors: InputError[] = [];
  let skipped = 0;
  for await (const item of readInputs(paths, opts)) {
    if (item instanceof InputError) {
      errors.push(item);
      opts.onItem?.({ source: item.item, error: item });
      continue;
    }
    try {
      const doc = buildDoc(item);
      if (opts.known?.(doc.rawHash, doc.source)) {
        skipped++;
        opts.onItem?.({ source: item.source });
        continue;
      }
      analyzeDoc(doc, opts);
      if (opts.collect !== false) docs.push(doc);
      opts.onItem?.({ source: item.source, doc, raw: item.bytes });
    } catch (err) {
      const e = err instanceof InputError ? err : new InputError(item.source, (err as Error).message, 'analyze/failed');
      errors.push(e);
      opts.onItem?.({ source: item.source, error: e });
    }
  }
  return { docs, errors, skipped };
}
