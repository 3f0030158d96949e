/**
 * The walkback HTTP server: a read-only JSON API over the store under /api, the web UI (built
 * by Vite into dist/web) at /, and, only when started with a token, POST /api/articles in a
 * child context of its own, and /api/corrections likewise. Build with `buildApp`, test with `app.inject`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { SqliteStore } from '../store/sqlite.js';
import type { DocumentStore } from '../store/port.js';
import { storePlugin } from './plugins/store.js';
import { responseCachePlugin, DEFAULT_CACHE_BYTES } from './plugins/response-cache.js';
import { deadlinePlugin, DEFAULT_DEADLINE_MS } from './plugins/deadline.js';
import { hostCheckPlugin } from './plugins/host-check.js';
import { installErrorHandlers } from './errors.js';
import { loggerOptions, type LogTarget } from './log.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { statementRoutes } from './routes/statements.js';
import { eventRoutes } from './routes/events.js';
import { conflictRoutes } from './routes/conflicts.js';
import { searchRoutes } from './routes/search.js';
import { statsRoutes } from './routes/stats.js';
import { vocabularyRoutes } from './routes/vocabulary.js';
import { articleRoutes } from './routes/articles.js';
import { correctionRoutes } from './routes/corrections.js';
import { storyRoutes } from './routes/story.js';
import { watchRoutes } from './routes/watch.js';

export interface AppOptions {
  /** A SQLite store, or any store of the port (PostgreSQL). */
  store: SqliteStore | DocumentStore;
  /** Enables POST /api/articles for requests carrying `Authorization: Bearer <token>`. */
  token?: string;
  /** The built UI (a folder with index.html); default: the package's dist/web. Null: no UI. */
  uiRoot?: string | null;
  closeStoreOnExit?: boolean;
  /** A request log, its client-chosen strings escaped (src/server/log.ts): true for stdout, or a stream. */
  logger?: LogTarget;
  /** Past this, a request is answered 503 WB_TIMEOUT (default 10 s). */
  deadlineMs?: number;
  /** Refuse requests whose Host header is not a loopback name (default true: serve binds 127.0.0.1). */
  loopbackOnly?: boolean;
  /** Worker threads for search (default 2); 0 searches on the event loop. */
  searchWorkers?: number;
  /** Bytes of read answers kept until the store changes (plugins/response-cache.ts; default 32 MB); 0: none. */
  responseCacheBytes?: number;
}

/** The package's built UI: <package root>/dist/web, from either src/ (tsx) or dist/src/. */
export function defaultUiRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'walkback') {
      const ui = join(dir, 'dist', 'web');
      return existsSync(join(ui, 'index.html')) ? ui : null;
    }
    dir = dirname(dir);
  }
  return null;
}

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const NO_UI = `<!doctype html><html lang="en"><meta charset="utf-8"><title>walkback</title>
<main><h1>walkback</h1><p>The web UI is not built. Run <code>npm run build</code>; the API is at <a href="/api/stats">/api/stats</a>.</p></main></html>`;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(opts.logger), ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } } });
  installErrorHandlers(app);
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  await app.register(deadlinePlugin, { ms: deadlineMs });
  if (opts.loopbackOnly ?? true) await app.register(hostCheckPlugin);
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', CSP);
    return payload;
  });
  await app.register(storePlugin, { store: opts.store, closeOnExit: opts.closeStoreOnExit, searchWorkers: opts.searchWorkers ?? 2, deadlineMs });
  // The read routes, in a context of their own: their answers are kept until the store changes.
  await app.register(async (reads) => {
    await reads.register(responseCachePlugin, { version: app.dataVersion, maxBytes: opts.responseCacheBytes ?? DEFAULT_CACHE_BYTES });
    await reads.register(statsRoutes, { ingest: Boolean(opts.token) });
    await reads.register(vocabularyRoutes);
    await reads.register(documentRoutes);
    await reads.register(entityRoutes);
    await reads.register(statementRoutes);
    await reads.register(eventRoutes);
    await reads.register(conflictRoutes);
    await reads.register(searchRoutes);
    await reads.register(storyRoutes);
  });
  // The watch routes (the watcher's state, not the ledger's) and the routes that write, answered afresh on every request.
  await app.register(watchRoutes);
  if (opts.token) await app.register(articleRoutes, { token: opts.token });
  if (opts.token) await app.register(correctionRoutes, { token: opts.token });

  const ui = opts.uiRoot === undefined ? defaultUiRoot() : opts.uiRoot;
  if (ui) await app.register(fastifyStatic, { root: ui, prefix: '/', index: ['index.html'] });
  else app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(NO_UI));
  return app;
}
