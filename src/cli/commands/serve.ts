import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { storeFor, DEFAULT_DB, dbOption, isPostgresUrl, postgresStoreFor, publicName } from './store-option.js';
import type { DocumentStore } from '../../store/port.js';
import type { CommandContext } from '../main.js';
import { SqliteStore } from '../../store/sqlite.js';
import { ensureSearch } from '../../store/queries.js';
import { tokenFrom } from './serve-access.js';
import { isLoopbackAddress } from '../../server/plugins/host-check.js';
import { printable } from '../../core/message.js';

/** How long a stopping server waits for requests in flight before closing their connections. */
const STOP_GRACE_MS = 2000;

export interface ServeOptions {
  db?: string;
  port?: number;
  host?: string;
  token?: string;
  uiRoot?: string | null;
  /** Where warnings go (a stale ledger on a read-only store). */
  note?: (line: string) => void;
  /** Bound to a non-loopback address: the Host check is off (any name may reach it). */
  remote?: boolean;
  /** Bytes of read answers kept until the store changes (default: the app's); 0: none. */
  responseCacheBytes?: number;
}

export interface Running {
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

/** Open the store and listen; the store closes with the server. */
export async function startServer(opts: ServeOptions): Promise<Running> {
  // With a token the server may ingest into a new store; without one there is nothing to show.
  const file = opts.db ?? DEFAULT_DB;
  if (isPostgresUrl(file)) return listen(await postgresStoreFor(file, opts.note), opts);
  let store = storeFor(file, !opts.token, opts.note, opts.token ? 'write' : 'read') as SqliteStore;
  if (!opts.token && !store.readOnly) {
    // Without a token nothing is written while serving: the search index of a store that
    // predates it is built now, once, and the store is then served on a read-only connection.
    try {
      ensureSearch(store.db);
    } finally {
      store.close();
    }
    store = new SqliteStore(file, { readOnly: true });
  }
  return listen(store, opts);
}

/** Build the app over an opened store and listen; the store closes with the server. */
async function listen(store: SqliteStore | DocumentStore, opts: ServeOptions): Promise<Running> {
  let app: FastifyInstance;
  try {
    // Loaded here so that other commands do not pay for Fastify at start-up.
    const { buildApp } = await import('../../server/app.js');
    app = await buildApp({ store, token: opts.token, uiRoot: opts.uiRoot, closeStoreOnExit: true, loopbackOnly: !opts.remote, responseCacheBytes: opts.responseCacheBytes });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = await app.listen({ port: opts.port ?? 4780, host: opts.host ?? '127.0.0.1' });
  return { app, url: address, close: () => app.close() };
}

interface ServeFlags {
  db: string;
  port: string;
  host: string;
  token?: string;
  tokenFile?: string;
  allowRemote?: boolean;
}

export function registerServe(program: Command, { io }: CommandContext): void {
  program
    .command('serve')
    .description('serve the web UI and a JSON API over the store (read-only unless --token is set)')
    .addOption(dbOption())
    .option('--port <n>', 'port (0: any free port)', '4780')
    .option('--host <h>', 'address to bind', '127.0.0.1')
    .option('--token <t>', 'enable POST /api/articles and /api/corrections for "Authorization: Bearer <t>" (shows in ps: prefer WALKBACK_TOKEN or --token-file)')
    .option('--token-file <file>', 'read the token from the first line of this file')
    .option('--allow-remote', 'allow a --host other than a loopback address (the API is then reachable from the network, over plain HTTP)')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${flags.port}: expected a port number (0-65535)`);
      const remote = !isLoopbackAddress(flags.host);
      if (remote && !flags.allowRemote) throw new Error(`--host ${flags.host}: not a loopback address; the API and any token would be open to the network over plain HTTP (add --allow-remote to mean it)`);
      const token = tokenFrom(flags);
      const server = await startServer({ db: flags.db, port, host: flags.host, token, remote, note: io.err });
      // Fastify names 127.0.0.1 first even when bound to every address: say what is bound.
      const addr = server.app.server.address();
      const boundPort = addr && typeof addr === 'object' ? addr.port : port;
      const shown = printable(remote ? `http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${boundPort}` : server.url);
      if (remote) io.err(`walkback: warning: bound to ${printable(flags.host)}, reachable from the network over plain HTTP${token ? ', the ingest token included' : ''}\n`);
      io.err(`walkback: serving ${printable(isPostgresUrl(flags.db) ? publicName(flags.db) : flags.db)} at ${shown} (${token ? 'ingest and corrections enabled: POST /api/articles, /api/corrections' : 'read-only'}); Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          // Requests in flight get a moment to finish; then every connection is cut, so that
          // a client holding a request open cannot keep the server from stopping.
          setTimeout(() => server.app.server.closeAllConnections(), STOP_GRACE_MS).unref();
          void server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
