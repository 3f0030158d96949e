/**
 * The store as the port (src/store/port.ts) for every route: its reads as `app.reads`, and the
 * store as `app.port` for the routes that write (ingest, corrections). On a SQLite store, the
 * store itself as `app.store` and its queries as `app.queries` too (search workers, tests).
 * fastify-plugin lifts the decorators out of this plugin's own context.
 */
import fp from 'fastify-plugin';
import { SqliteStore } from '../../store/sqlite.js';
import { Queries, ensureSearch, searchReady, type PageArgs, type SearchResult } from '../../store/queries.js';
import type { DocumentStore, LedgerReads } from '../../store/port.js';
import { SqliteDocumentStore, sqliteReads } from '../../store/sqlite/port.js';
import { SearchPool } from '../search-pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: SqliteStore;
    queries: Queries;
    reads: LedgerReads;
    port: DocumentStore;
    /** Full-text search, in worker threads when the store is a file (Queries.search otherwise). */
    runSearch: (q: string, page: PageArgs, scope: 'all' | 'statements' | 'documents') => Promise<SearchResult | null>;
    /** The state of the store now (src/store/data-version.ts), for the response cache; null where it is not known (PostgreSQL). */
    dataVersion: () => string | null;
  }
}

/** A read-only store without a search index: search cannot be answered, everything else can. */
export class SearchUnavailableError extends Error {}

export interface StorePluginOptions {
  /** A SQLite store as it is, or any store of the port (PostgreSQL). */
  store: SqliteStore | DocumentStore;
  /** Close the store when the server closes (the CLI's serve; tests keep their own). */
  closeOnExit?: boolean;
  searchWorkers: number;
  deadlineMs: number;
}

export const storePlugin = fp<StorePluginOptions>(
  async (app, opts) => {
    const store = opts.store;
    if (!(store instanceof SqliteStore)) {
      const reads = store.reads();
      app.decorate('port', store);
      app.decorate('reads', reads);
      app.decorate('runSearch', (q: string, page: PageArgs, scope: 'all' | 'statements' | 'documents') => reads.search(q, page, scope));
      // Answers are kept while the store's state is known (PostgreSQL: a connection listening for commits).
      const feed = store.changeFeed ? await store.changeFeed() : null;
      app.decorate('dataVersion', () => feed?.version() ?? null);
      app.addHook('onClose', async () => {
        await feed?.close();
        if (opts.closeOnExit) await store.close();
      });
      return;
    }
    // A read-only store is never written: it is searched if its index was built, else search says so.
    const searchable = store.readOnly ? searchReady(store.db) : (ensureSearch(store.db), true);
    app.decorate('store', store);
    // Not closed with the app: the store is (closeOnExit).
    app.decorate('port', new SqliteDocumentStore(store));
    const queries = new Queries(store.db);
    // The counts, orders and spellings the reads share, computed before the first request.
    queries.warm();
    app.decorate('queries', queries);
    app.decorate('dataVersion', () => queries.version());
    app.decorate('reads', sqliteReads(store, queries));
    const onDisk = store.file !== ':memory:' && store.file !== '' && !store.inMemory;
    const pool = searchable && opts.searchWorkers > 0 && onDisk ? new SearchPool(store.file, opts.searchWorkers, opts.deadlineMs) : null;
    app.decorate('runSearch', async (q: string, page: PageArgs, scope: 'all' | 'statements' | 'documents') => {
      if (!searchable) throw new SearchUnavailableError(`${store.file}: read-only store without a search index (serve it once where it can be written to build one)`);
      return pool ? pool.search(q, page, scope) : queries.search(q, page, scope);
    });
    if (pool) app.addHook('onClose', async () => pool.close());
    if (opts.closeOnExit) app.addHook('onClose', async () => store.close());
  },
  { name: 'walkback-store', fastify: '5.x' },
);
