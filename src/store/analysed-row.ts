/**
 * An analysed document as the row the store writes, less its raw bytes (which the reader of
 * the input already holds). Made where the document was analysed (a pool worker), so that only
 * strings cross to the main thread: it then never holds a document's object graph, which for
 * the parts of a long text was most of its memory. The copy verdict (duplicateOf) is left to
 * the main thread, which alone sees every document in input order (run.ts).
 */
import type { Doc } from '../core/types.js';
import { copySignatures } from '../clean/duplicates.js';
import { toDocRow, type DocRow } from './store.js';

export type AnalysedRow = Omit<DocRow, 'raw'>;

const NO_BYTES = Buffer.alloc(0);

export function analysedRow(doc: Doc): AnalysedRow {
  const { raw: _raw, ...row } = toDocRow({ doc, raw: NO_BYTES, ...copySignatures(doc.text) });
  return row;
}
