/**
 * What the rest of walkback asks of a store. SQLite (embedded, the default) implements it;
 * everything above the store sees only these calls.
 */
import type { Doc } from '../core/types.js';
import type { WalkbackExport, LedgerExport } from '../report/export.js';
import type { MentionRow, RedirectKind } from './redirects.js';
import type { ExportRows } from '../report/export-json.js';
import type { StoredConflict } from './ledger-rows.js';

/** A document stored but not analysed, for its language. */
export interface NotAnalysed {
  id: string;
  /** As shown (core/source-ref.ts): its URL, else its file's name. */
  source: string;
  language: string;
}

export interface StoreCounts {
  documents: number;
  entities: number;
  statements: number;
  events: number;
  claims: number;
  conflicts: number;
}

import { documentStatements } from '../report/export.js';
import { statementData } from './statement-row.js';
import type { CorrectionLog } from '../corrections/log.js';
import { packJson } from './packed.js';
import { copySignatures } from '../clean/duplicates.js';

export interface Store {
  /** Raw hashes of every stored document: re-analysing the same input is a no-op. */
  knownHashes(): Set<string>;
  /** Save analysed documents (as rows: see toDocRow) and their raw input, in one transaction; existing ids are kept as they are. */
  saveDocs(rows: DocRow[]): number;
  /** The copy-detection signatures of every stored document, in the order added (copies of a run's own documents; the ledger rebuild re-marks copies over all of them). */
  signatures(): Array<{ id: string; simhash: string; textHash: string; shingles: string }>;
  /**
   * Every stored document with what is kept of its analysis (StoredAnalysis and LedgerInput: no
   * statements, which are read from their table), in ledger order (src/store/ledger-order.ts),
   * copies as the last ledger rebuild marked them.
   */
  loadDocs(): Doc[];
  /**
   * Every document with only what the corpus stages read (meta, text, local entities, event
   * mentions, claims): a fifth of the memory of loadDocs on a large store. In ledger order.
   */
  loadLedgerInputs(): Doc[];
  /** The raw input of a document, verbatim. */
  raw(hash: string): Buffer | null;
  /**
   * Replace the ledger tables with these rows in one transaction; `speakers` says which entity
   * each document's local speakers are, and so who said every stored statement.
   */
  saveLedger(exp: LedgerRows): void;
  /**
   * Rebuild the ledger from every committed document under the store's write lock: read them
   * (in ledger order, with copies marked over all of them), `build`, save, in one transaction.
   * Copies are found again for the documents added since the stored ledger (and those they
   * could change), or for every document when `full`.
   */
  rebuildLedger(build: (docs: Doc[]) => LedgerRows, opts?: { full?: boolean }): void;
  /**
   * The stored ledger as an update compares it with the new one (src/conflicts/update.ts): the
   * digest of each entity row, and of each event row followed by its claims' rows in their order.
   */
  ledgerDigests(): LedgerDigests;
  /** An event's stored conflict rows, in their order; where their claims were published may be left for the caller to add (ledger-rows.ts conflictData). */
  conflictsOf(event: string): StoredConflict[];
  /** Where a ledger id dropped by a rebuild went (src/store/redirects.ts): live ids, most shared members first; empty if it never existed. */
  redirect(kind: RedirectKind, id: string): string[];
  /** True when documents were added after the stored ledger was built (an interrupted run). */
  ledgerStale(): boolean;
  /** The export as stored (documents and ledger tables). */
  loadExport(): WalkbackExport;
  /** The same rows, read a page at a time as each table is iterated: what export and report stream from. */
  exportRows(): ExportRows;
  /** Run `read` on one snapshot of the store (a read transaction), so a long export sees one state. */
  reading<T>(read: () => T): T;
  counts(): StoreCounts;
  /** The editor's corrections, applied after every ledger rebuild (src/corrections/). */
  readonly corrections: CorrectionLog;
  /** The stored documents in a language the stages do not read (core/analysed-languages.ts): stored, not analysed. In the order added. */
  notAnalysed(): NotAnalysed[];
  close(): void;
}

/** Row digests by id (src/store/ledger-diff.ts); an event's is its row's and its claims' in order. Null: a row stored before digests were kept. */
export interface LedgerDigests {
  entities: Map<string, string | null>;
  events: Map<string, string | null>;
}

/** What saveLedger writes: the ledger's export rows, who each document's speakers are and which event each event mention went to. */
export type LedgerRows = LedgerExport & { speakers: Iterable<SpeakerRow>; mentions?: Iterable<MentionRow> };

/** Which canonical entity a document's local entity is (a statement's speaker is a local). */
export interface SpeakerRow {
  document: string;
  local: string;
  entity: string;
}

export interface StoredItem {
  doc: Doc;
  raw: Buffer;
  /** Exact-copy hash, near-copy signature and containment sample of the clean text (src/clean/duplicates.ts). */
  textHash: string;
  simhash: string;
  shingles: string;
}

/**
 * A document is stored in two parts that share nothing but meta: what the corpus stages read
 * (LedgerInput: local entities, event mentions, claims) and the rest of the analysis
 * (sentences, the offset map, messages). Text has a column of its own, and so has each
 * statement (the statements table: what every reader of a statement reads). Tokens, mentions,
 * time expressions and the analysis's statements are in neither: nothing reads them back (the
 * statements' rows, local entities, event mentions and claims carry what was found through
 * them), and the stages recompute them from the raw input; they were most of a stored
 * analysis. A document stored before keeps them, and reads without them.
 */
export type LedgerInput = Pick<Doc, 'meta' | 'locals' | 'eventMentions' | 'claims'> & Partial<DocKeys>;
export type StoredAnalysis = Omit<Doc, keyof DocKeys | 'text' | 'tokens' | 'mentions' | 'timexes' | 'statements' | 'locals' | 'eventMentions' | 'claims'> & Partial<DocKeys>;

/**
 * What a document's row keeps in columns of its own (id, source, raw_hash), and neither packed
 * part repeats (a path and a hash are what deflate shrinks least). Parts stored before hold them
 * too, and read the same.
 */
export type DocKeys = Pick<Doc, 'id' | 'source' | 'rawHash'>;

export function toLedgerInput(doc: Doc): LedgerInput {
  return { meta: doc.meta, locals: doc.locals, eventMentions: doc.eventMentions, claims: doc.claims };
}

export function toStoredAnalysis(doc: Doc): StoredAnalysis {
  const { id: _id, source: _source, rawHash: _rawHash, text: _text, tokens: _tokens, mentions: _mentions, timexes: _timexes, statements: _statements, locals: _locals, eventMentions: _eventMentions, claims: _claims, ...rest } = doc;
  return rest;
}

/** A stored statement: its columns, the rest of its export row as JSON, and its document-local speaker. */
export interface StatementRow {
  id: string;
  speakerLocal: string | null;
  speakerText: string;
  kind: string;
  text: string;
  date: string | null;
  data: string;
  /** The statement's rule: its own column (rule-names.ts), not in `data`. */
  rule: string;
  /** Its text is its content span of the document's text: SQLite keeps no copy of it (statement-row.ts SPAN_TEXT). */
  spanText: boolean;
}

/**
 * A document as the store writes it: columns and JSON text. Made as soon as a document is
 * analysed, so that a batch waiting for its transaction holds strings, not the object graph of
 * every analysis (which the garbage collector would otherwise copy again and again).
 */
export interface DocRow {
  id: string;
  source: string;
  rawHash: string;
  raw: Buffer;
  title: string | null;
  published: string | null;
  outlet: string | null;
  language: string | null;
  duplicateOf: string | null;
  textHash: string;
  simhash: string;
  shingles: string;
  text: string;
  /** toStoredAnalysis and toLedgerInput, packed (packed.ts). */
  analysis: Buffer;
  ledgerInput: Buffer;
  statements: StatementRow[];
}

/**
 * A DocRow as a worker makes it (src/pool/worker.ts): everything but the raw bytes, which the
 * main thread holds already, and the copy verdict, which needs every document seen before.
 */
export type PreparedRow = Omit<DocRow, 'raw' | 'duplicateOf'>;

/** A statement or claim date as a sortable column: the day, or an interval's start. */
export const dateKey = (d: unknown): string | null => (typeof d === 'string' ? d : d && typeof d === 'object' && 'start' in d ? ((d as { start: string | null }).start ?? null) : null);

export function toDocRow({ doc, raw, textHash, simhash, shingles }: StoredItem): DocRow {
  return { ...prepareRow(doc, { textHash, simhash, shingles }), raw, duplicateOf: doc.meta.duplicateOf };
}

/** The row of an analysed document, all but its raw bytes and copy verdict: made where it was analysed. */
export function prepareRow(doc: Doc, { textHash, simhash, shingles }: { textHash: string; simhash: string; shingles: string }): PreparedRow {
  const m = doc.meta;
  return {
    id: doc.id,
    source: doc.source,
    rawHash: doc.rawHash,
    title: m.title,
    published: m.published?.date ?? null,
    outlet: m.outlet,
    language: m.language,
    textHash,
    simhash,
    shingles,
    text: doc.text,
    analysis: packJson(toStoredAnalysis(doc)),
    ledgerInput: packJson(toLedgerInput(doc)),
    statements: documentStatements(doc).map(({ speakerLocal, ...st }) => ({ id: st.id, speakerLocal, speakerText: st.speakerText, kind: st.kind, text: st.text, date: dateKey(st.date), data: statementData(st), rule: st.rule, spanText: st.text === doc.text.slice(st.content.start, st.content.end) })),
  };
}

/** The row of an analysed document, copy signatures taken from its text. */
export const rowOf = (doc: Doc): PreparedRow => prepareRow(doc, copySignatures(doc.text));

/** The Doc from its two stored parts, less what is not stored (tokens, mentions, time expressions, statements: StoredAnalysis). */
export function fromStored(keys: DocKeys, text: string, a: StoredAnalysis, l: LedgerInput): Doc {
  const { mentions: _mentions, timexes: _timexes, statements: _statements, ...stored } = a as StoredAnalysis & Partial<Pick<Doc, 'mentions' | 'timexes' | 'statements'>>;
  return { ...keys, ...stored, text, tokens: [], mentions: [], timexes: [], statements: [], locals: l.locals, eventMentions: l.eventMentions, claims: l.claims };
}

/** A Doc with only what the corpus stages read; the other layers are empty. */
export function fromLedgerInput(keys: DocKeys, text: string, a: LedgerInput): Doc {
  return { ...keys, ...a, text, offsetMap: [], sentences: [], tokens: [], mentions: [], statements: [], timexes: [], messages: [] };
}
