/**
 * A pool worker: clean and analyse one input item at a time (the per-document stages, the
 * same code as a single-threaded run) and send the Doc back. The main thread keeps the
 * store, the order and the clock; a worker over its budget is terminated from there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildDoc } from '../clean/index.js';
import { analyzeDoc } from '../pipeline.js';
import { InputError } from '../core/message.js';
import { analysedRow } from '../store/analysed-row.js';
import { onLexiconWarning, useLexiconFiles } from '../core/lexicon.js';
import type { Task, WorkerInit, WorkerMessage } from './protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const send = (m: WorkerMessage): void => port.postMessage(m);

// Warnings go to the main thread, which prints each one once for the whole run.
onLexiconWarning((m) => send({ kind: 'warning', file: m.file, reason: m.reason, ruleId: m.ruleId }));
useLexiconFiles(init.lexiconFiles);

port.on('message', ({ id, item }: Task) => {
  try {
    // A Buffer arrives as a plain Uint8Array; the cleaners expect a Buffer (same bytes, no copy).
    const bytes = Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength);
    const doc = analyzeDoc(buildDoc({ ...item, bytes }), init.pipeline);
    if (init.rows) send({ kind: 'row', id, row: analysedRow(doc) });
    else {
      if (init.dropTokens) doc.tokens = [];
      send({ kind: 'done', id, doc });
    }
  } catch (err) {
    const e = err instanceof InputError ? err : new InputError(item.source, (err as Error).message, 'analyze/failed');
    send({ kind: 'failed', id, error: { item: e.item, message: e.message, ruleId: e.ruleId, line: e.line } });
  }
});
// Compile the lexicons and load the tagger on a few invented words before saying ready: a
// document's time budget is for its own analysis, not for the worker's start.
try {
  analyzeDoc(buildDoc({ source: 'warm-up', bytes: Buffer.from('The harbour board said on Monday that the ferry talks would resume.\n'), format: 'txt' }), {});
} catch {
  // A failure here shows again, and is reported, on the first real document.
}
send({ kind: 'ready' });
