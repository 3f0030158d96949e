/**
 * The store as a port: what the pipeline writes and loads (DocumentStore) and what the API
 * reads (LedgerReads), asynchronous so that a networked database (PostgreSQL) implements them
 * as well as the embedded file (SQLite). No driver is imported here; each backend lives in a
 * folder of its own (src/store/sqlite/, src/store/postgres/) and src/store/open.ts picks one
 * from `--db`.
 */
import type { Doc } from '../core/types.js';
import type { WalkbackExport } from '../report/export.js';
import type { DocRow, LedgerRows, NotAnalysed, StoreCounts } from './store.js';
import type { RedirectKind } from './redirects.js';
import type { StagedLedger } from './staged-ledger.js';
import type { ConflictView, DocumentSummary, DocumentView, EntitySummary, EventDetail, EventFilter, EventSummary, Page, PageArgs, SearchResult, StatementView } from './queries.js';
import type { TableCounts } from './ranks.js';
import type { StoryFacets, StoryFilter, StoryPage } from './story.js';
import type { CorrectionStore } from '../corrections/log.js';
import type { ChangeRow, ChangesOptions, WatchStore } from '../watch/state.js';

/** A synchronous object's methods as the port has them: each answers a promise. */
export type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };
import type { ClaimRow, ConflictRow, EntityRow, EventRow } from '../core/rows.js';
import type { ExportTable } from '../report/export-json.js';

/** A document's copy-detection signatures (src/clean/duplicates.ts). */
export interface Signature {
  id: string;
  simhash: string;
  textHash: string;
  shingles: string;
}

export type Backend = 'sqlite' | 'postgres';

/** A string naming the state of a store, which changes whenever a write is committed; null while not known. */
export interface StoreVersionFeed {
  version(): string | null;
  close(): Promise<void>;
}

/** What the pipeline writes and loads. */
export interface DocumentStore {
  readonly backend: Backend;
  /** How messages name the store: the file, or the URL without its password. */
  readonly name: string;
  /** Raw hashes of every stored document: re-analysing the same input is a no-op. */
  knownHashes(): Promise<Set<string>>;
  /** Copy signatures of every stored document, in the order added. */
  signatures(): Promise<Signature[]>;
  /** Save analysed documents and their raw input in one transaction; existing ids are kept as they are. Returns how many were new. */
  saveDocs(rows: DocRow[]): Promise<number>;
  /** Every document with what the corpus stages read, in ledger order, copies as the last rebuild marked them. */
  loadLedgerInputs(): Promise<Doc[]>;
  /**
   * Rebuild the ledger from every committed document under the store's write lock: mark
   * copies, read the documents, `build` the machine's rows (the conflicts found while the store
   * writes the rest, where it can), apply the editor's corrections the store keeps, save; in one
   * transaction. Two processes never rebuild at once.
   */
  rebuildLedger(build: (docs: Doc[]) => StagedLedger): Promise<void>;
  /** Replace the ledger tables with these rows, as they are (no corrections applied). */
  saveLedger(rows: LedgerRows): Promise<void>;
  /** True when documents were added after the stored ledger was built. */
  ledgerStale(): Promise<boolean>;
  /** The raw input of a document, verbatim. */
  raw(hash: string): Promise<Buffer | null>;
  /** Where a ledger id dropped by a rebuild went: live ids, most shared members first. */
  redirect(kind: RedirectKind, id: string): Promise<string[]>;
  /** The export as stored, read in one snapshot. */
  loadExport(): Promise<WalkbackExport>;
  /** The export as walkback.export/v1 JSON text, handed to `write` a piece at a time, from one snapshot. */
  writeExport(write: (s: string) => void): Promise<void>;
  counts(): Promise<StoreCounts>;
  /**
   * Run `read` on one snapshot of the store (a read transaction), handing it reads of bounded
   * pieces: what `export` and `report` stream from, so their memory does not grow with the store.
   */
  readSnapshot<T>(read: (reads: SnapshotReads) => Promise<T>): Promise<T>;
  /** Stored documents in a language the stages do not read, in the order added. */
  notAnalysed(): Promise<NotAnalysed[]>;
  /** The read side over the same store. */
  reads(): LedgerReads;
  /** The store's state as it changes, for answers kept until it does (absent: not known, nothing kept). */
  changeFeed?(): Promise<StoreVersionFeed>;
  close(): Promise<void>;
  /** Which of these raw hashes are stored (one article posted, the inputs of a queued re-run): not every hash of the store. */
  storedHashes(hashes: readonly string[]): Promise<Set<string>>;
  /** The editor's corrections (src/corrections/), applied by every ledger rebuild. */
  readonly corrections: CorrectionStore;
  /**
   * What `watch` keeps in the store (src/watch/state.ts). `create` false (a look by `status`):
   * null when watch never ran on a store whose tables are made on first use.
   */
  watchState(create: boolean): Promise<WatchStore | null>;
}

/** What the HTTP API reads: paginated lists with totals, single items with their views, search. */
export interface LedgerReads {
  stats(): Promise<TableCounts & { notAnalysed: Array<{ language: string; documents: number }> }>;
  documents(page: PageArgs): Promise<Page<DocumentSummary>>;
  document(id: string): Promise<DocumentView | null>;
  entities(page: PageArgs, q?: string): Promise<Page<EntitySummary>>;
  entity(id: string): Promise<EntitySummary | null>;
  statements(page: PageArgs, filter?: { speaker?: string; document?: string }): Promise<Page<StatementView>>;
  statement(id: string): Promise<StatementView | null>;
  events(page: PageArgs, filter?: EventFilter): Promise<Page<EventSummary>>;
  /** An event and a page of its timeline (default: the first TIMELINE_PAGE claims, views.ts). */
  event(id: string, page?: PageArgs): Promise<EventDetail | null>;
  conflicts(page: PageArgs, filter?: { kind?: string; event?: string }): Promise<Page<ConflictView>>;
  conflict(id: string): Promise<ConflictView | null>;
  search(input: string, page: PageArgs, scope?: 'all' | 'statements' | 'documents'): Promise<SearchResult | null>;
  redirect(kind: RedirectKind, id: string): Promise<string[]>;
  /** The story page (src/store/story.ts): events to triage under filters, conflicts first. */
  story(page: PageArgs, filter?: StoryFilter): Promise<StoryPage>;
  /** The values each story filter can take. */
  storyFacets(): Promise<StoryFacets>;
  /** What `watch` found after a cursor or a time (none on a store never watched). */
  changes(since: { seq?: number; time?: string }, opts?: ChangesOptions): Promise<ChangeRow[]>;
}

/** The export's tables, each read a page at a time as it is iterated (src/report/export-json.ts writes them). */
export type ExportStream = { schema: WalkbackExport['schema'] } & { [K in ExportTable]: AsyncIterable<WalkbackExport[K][number]> };

/** An event as a report orders and counts it before reading its claims. */
export interface EventOutline {
  id: string;
  label: string;
  status: string | null;
  claims: number;
  conflicts: number;
  /** Its latest claim date (a claim's own date, else its document's publication date), or null. */
  lastActivity: string | null;
}

/** A document as a report cites it. */
export interface DocumentCite {
  id: string;
  /** As stored (a path or URL), for ledger order and for citing a document with no URL. */
  source: string;
  title: string | null;
}

/** Reads of one snapshot, each of a bounded piece of the store (DocumentStore.readSnapshot). */
export interface SnapshotReads {
  /** The export, table by table, a page at a time. */
  exportRows(): ExportStream;
  counts(): Promise<StoreCounts>;
  /** Stored documents in a language the stages do not read, in ledger order. */
  notAnalysed(): Promise<NotAnalysed[]>;
  /** Every event in ledger order, with its counts and latest activity (a row of a few fields an event). */
  eventOutlines(): Promise<EventOutline[]>;
  /** The claims of these events, in ledger order. */
  claimsOfEvents(events: readonly string[]): Promise<ClaimRow[]>;
  /** The conflicts of these events, in ledger order. */
  conflictsOfEvents(events: readonly string[]): Promise<ConflictRow[]>;
  /** These claims, in no particular order (those not stored left out). */
  claims(ids: readonly string[]): Promise<ClaimRow[]>;
  entities(ids: readonly string[]): Promise<EntityRow[]>;
  events(ids: readonly string[]): Promise<EventRow[]>;
  documentCites(ids: readonly string[]): Promise<DocumentCite[]>;
  /** These documents' text and sentence spans (from their stored analysis). */
  documentSentences(ids: readonly string[]): Promise<Array<{ id: string; text: string; sentences: Array<{ start: number; end: number }> }>>;
  /** How many statements no claim is placed on. */
  unplacedStatements(): Promise<number>;
}
