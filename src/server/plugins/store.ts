/**
 * The store as `app.store` and its read queries as `app.queries`, for every route
 * (fastify-plugin lifts the decorators out of this plugin's own context).
 */
import fp from 'fastify-plugin';
import type { SqliteStore } from '../../store/sqlite.js';
import { Queries, ensureSearch, searchReady, type PageArgs, type SearchResult } from '../../store/queries.js';
import { SearchPool } from '../search-pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: SqliteStore;
    queries: Queries;
    /** Full-text search, in worker threads when the store is a file (Queries.search otherwise). */
    runSearch: (q: string, page: PageArgs, scope: 'all' | 'statements' | 'documents') => Promise<SearchResult | null>;
  }
}

/** A read-only store without a search index: search cannot be answered, everything else can. */
export class SearchUnavailableError extends Error {}

export interface StorePluginOptions {
  store: SqliteStore;
  /** Close the store when the server closes (the CLI's serve; tests keep their own). */
  closeOnExit?: boolean;
  searchWorkers: number;
  deadlineMs: number;
}

export const storePlugin = fp<StorePluginOptions>(
  async (app, opts) => {
    // A read-only store is never written: it is searched if its index was built, else search says so.
    const searchable = opts.store.readOnly ? searchReady(opts.store.db) : (ensureSearch(opts.store.db), true);
    app.decorate('store', opts.store);
    const queries = new Queries(opts.store.db);
    app.decorate('queries', queries);
    const onDisk = opts.store.file !== ':memory:' && opts.store.file !== '' && !opts.store.inMemory;
    const pool = searchable && opts.searchWorkers > 0 && onDisk ? new SearchPool(opts.store.file, opts.searchWorkers, opts.deadlineMs) : null;
    app.decorate('runSearch', async (q: string, page: PageArgs, scope: 'all' | 'statements' | 'documents') => {
      if (!searchable) throw new SearchUnavailableError(`${opts.store.file}: read-only store without a search index (serve it once where it can be written to build one)`);
      return pool ? pool.search(q, page, scope) : queries.search(q, page, scope);
    });
    if (pool) app.addHook('onClose', async () => pool.close());
    if (opts.closeOnExit) app.addHook('onClose', async () => opts.store.close());
  },
  { name: 'walkback-store', fastify: '5.x' },
);
