/**
 * The embedded SQLite store behind the async port (src/store/port.ts): the synchronous
 * SqliteStore and Queries of src/store/ wrapped as they are, each call answered at once.
 */
import type { Doc } from '../../core/types.js';
import { writeExportJson } from '../../report/export-json.js';
import type { DocRow, LedgerRows } from '../store.js';
import type { RedirectKind } from '../redirects.js';
import { finished, type StagedLedger } from '../staged-ledger.js';
import { Queries, ensureSearch, searchReady, type EventFilter, type PageArgs } from '../queries.js';
import { SqliteStore } from '../sqlite.js';
import type { DocumentStore, LedgerReads, SnapshotReads } from '../port.js';
import { storyEvents, storyFacets, type StoryFilter } from '../story.js';
import { correctionStoreMethods, type CorrectionStore } from '../../corrections/log.js';
import { WatchState, changesSince, hasWatchTables, watchStoreMethods, type ChangesOptions, type WatchStore } from '../../watch/state.js';
import { asAsync } from './async.js';
import { sqliteSnapshotReads } from './snapshot-reads.js';

export class SqliteDocumentStore implements DocumentStore {
  readonly backend = 'sqlite' as const;
  private readModel?: LedgerReads;
  private correctionStore?: CorrectionStore;

  constructor(readonly store: SqliteStore) {}

  get corrections(): CorrectionStore {
    return (this.correctionStore ??= asAsync(this.store.corrections, correctionStoreMethods));
  }

  get name(): string {
    return this.store.file;
  }

  async knownHashes() {
    return this.store.knownHashes();
  }
  async signatures() {
    return this.store.signatures();
  }
  async saveDocs(rows: DocRow[]) {
    return this.store.saveDocs(rows);
  }
  async loadLedgerInputs() {
    return this.store.loadLedgerInputs();
  }
  async rebuildLedger(build: (docs: Doc[]) => StagedLedger) {
    this.store.rebuildLedger((docs) => this.store.corrections.applyTo(finished(build(docs))));
  }
  async saveLedger(rows: LedgerRows) {
    this.store.saveLedger(rows);
  }
  async ledgerStale() {
    return this.store.ledgerStale();
  }
  async raw(hash: string) {
    return this.store.raw(hash);
  }
  async redirect(kind: RedirectKind, id: string) {
    return this.store.redirect(kind, id);
  }
  async loadExport() {
    return this.store.loadExport();
  }
  async writeExport(write: (s: string) => void) {
    await this.readSnapshot((reads) => writeExportJson(reads.exportRows(), write));
  }
  /** One read transaction around `read`, its awaits included: for a command that has the connection to itself (export, report), not the server's shared one. */
  async readSnapshot<T>(read: (reads: SnapshotReads) => Promise<T>): Promise<T> {
    const db = this.store.db;
    if (db.inTransaction) return read(sqliteSnapshotReads(this.store));
    db.exec('BEGIN');
    try {
      return await read(sqliteSnapshotReads(this.store));
    } finally {
      db.exec('COMMIT');
    }
  }
  async counts() {
    return this.store.counts();
  }
  async notAnalysed() {
    return this.store.notAnalysed();
  }
  reads(): LedgerReads {
    return (this.readModel ??= sqliteReads(this.store));
  }
  async close() {
    this.store.close();
  }
  async storedHashes(hashes: readonly string[]) {
    const stored = this.store.db.prepare('SELECT raw_hash FROM documents WHERE raw_hash IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(hashes)) as string[];
    return new Set(stored);
  }
  async watchState(create: boolean): Promise<WatchStore | null> {
    // A store watch never ran on is given its tables only by watch itself (a read-only one never).
    if (!create && !hasWatchTables(this.store.db)) return null;
    return asAsync(new WatchState(this.store.db, create), watchStoreMethods);
  }
}

/** The API's reads over a SQLite store; search is built on first use where the store may be written. */
export function sqliteReads(store: SqliteStore, queries = new Queries(store.db)): LedgerReads {
  let searchable: boolean | null = null;
  const canSearch = (): boolean => (searchable ??= store.readOnly ? searchReady(store.db) : (ensureSearch(store.db), true));
  return {
    stats: async () => queries.stats(),
    documents: async (page: PageArgs) => queries.documents(page),
    document: async (id: string) => queries.document(id),
    entities: async (page: PageArgs, q?: string) => queries.entities(page, q),
    entity: async (id: string) => queries.entity(id),
    statements: async (page: PageArgs, filter?: { speaker?: string; document?: string }) => queries.statements(page, filter),
    statement: async (id: string) => queries.statement(id),
    events: async (page: PageArgs, filter?: EventFilter) => queries.events(page, filter),
    event: async (id: string, page?: PageArgs) => queries.event(id, page),
    conflicts: async (page: PageArgs, filter?: { kind?: string; event?: string }) => queries.conflicts(page, filter),
    conflict: async (id: string) => queries.conflict(id),
    search: async (input: string, page: PageArgs, scope: 'all' | 'statements' | 'documents' = 'all') => {
      if (!canSearch()) throw new Error(`${store.file}: read-only store without a search index (open it once where it can be written to build one)`);
      return queries.search(input, page, scope);
    },
    redirect: async (kind: RedirectKind, id: string) => queries.redirect(kind, id),
    story: async (page: PageArgs, filter?: StoryFilter) => storyEvents(store.db, queries, page, filter),
    storyFacets: async () => storyFacets(store.db, queries),
    changes: async (since: { seq?: number; time?: string }, opts?: ChangesOptions) => changesSince(store.db, since, opts),
  };
}
