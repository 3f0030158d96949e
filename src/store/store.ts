/**
 * What the rest of walkback asks of a store. SQLite (embedded, the default) implements it;
 * everything above the store sees only these calls.
 */
import type { Doc } from '../core/types.js';
import type { WalkbackExport } from '../report/export.js';

export interface StoreCounts {
  documents: number;
  entities: number;
  statements: number;
  events: number;
  claims: number;
  conflicts: number;
}

export interface Store {
  /** Raw hashes of every stored document: re-analysing the same input is a no-op. */
  knownHashes(): Set<string>;
  /** Save analysed documents and their raw input, in one transaction; existing ids are kept as they are. */
  saveDocs(items: StoredItem[]): number;
  /** The copy-detection signatures of every stored document, in the order added. */
  signatures(): Array<{ id: string; simhash: string; textHash: string }>;
  /** Every stored document with its analysis, in the order it was added. */
  loadDocs(): Doc[];
  /** The raw input of a document, verbatim. */
  raw(hash: string): Buffer | null;
  /** Replace the ledger tables with this export's rows, in one transaction. */
  saveLedger(exp: WalkbackExport): void;
  /** The export as stored (documents and ledger tables). */
  loadExport(): WalkbackExport;
  counts(): StoreCounts;
  close(): void;
}

export interface StoredItem {
  doc: Doc;
  raw: Buffer;
  /** Exact-copy hash and near-copy signature of the clean text (src/clean/duplicates.ts). */
  textHash: string;
  simhash: string;
}

/** The per-document analysis as stored: the Doc less its text (a column of its own) and tokens (recomputable). */
export type StoredAnalysis = Omit<Doc, 'text' | 'tokens'>;

export function toStoredAnalysis(doc: Doc): StoredAnalysis {
  const { text: _text, tokens: _tokens, ...rest } = doc;
  return rest;
}

export function fromStoredAnalysis(text: string, a: StoredAnalysis): Doc {
  return { ...a, text, tokens: [] };
}
