/**
 * The store as `app.store` and its read queries as `app.queries`, for every route
 * (fastify-plugin lifts the decorators out of this plugin's own context).
 */
import fp from 'fastify-plugin';
import type { SqliteStore } from '../../store/sqlite.js';
import { Queries, ensureSearch } from '../../store/queries.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: SqliteStore;
    queries: Queries;
  }
}

export interface StorePluginOptions {
  store: SqliteStore;
  /** Close the store when the server closes (the CLI's serve; tests keep their own). */
  closeOnExit?: boolean;
}

export const storePlugin = fp<StorePluginOptions>(
  async (app, opts) => {
    ensureSearch(opts.store.db);
    app.decorate('store', opts.store);
    app.decorate('queries', new Queries(opts.store.db));
    if (opts.closeOnExit) app.addHook('onClose', async () => opts.store.close());
  },
  { name: 'walkback-store', fastify: '5.x' },
);
