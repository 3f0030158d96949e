import { existsSync, accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import { openStore, type SqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import type { DocumentStore } from '../../store/port.js';
import { DEFAULT_DB, openDocumentStore } from '../../store/open.js';
import { SqliteDocumentStore } from '../../store/sqlite/port.js';
import { isPostgresUrl, publicName } from '../../store/postgres/connect.js';
import { rebuildLedger } from '../../run.js';
import { rebuildStoreLedger } from '../../run-port.js';
import { printable } from '../../core/message.js';

export { DEFAULT_DB, isPostgresUrl, publicName };

/** --db, for every command that opens the store: a SQLite file or a postgres:// URL, else WALKBACK_DB, else walkback.db. */
export const dbOption = (): Option => new Option('--db <store>', 'the store: a SQLite file or a postgres:// URL').env('WALKBACK_DB').default(DEFAULT_DB);

/** The commands that run on a PostgreSQL store; the others say so rather than read a file named postgres://... */
const ON_POSTGRES = 'analyze, rebuild, export, report, serve, watch, correct, worker, status, retry';

/** A PostgreSQL store, its ledger rebuilt first when documents were added after it (an interrupted analyze). */
export async function postgresStoreFor(url: string, note?: (line: string) => void): Promise<DocumentStore> {
  const store = await openDocumentStore(url);
  try {
    if (await store.ledgerStale()) {
      await rebuildStoreLedger(store);
      note?.(`walkback: ${store.name}: the ledger was older than the documents (an interrupted analyze?); rebuilt\n`);
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** The store named by --db behind the port (src/store/port.ts): PostgreSQL as postgresStoreFor opens it, a SQLite file as storeFor does. */
export async function portFor(db: string, mustExist: boolean, note?: (line: string) => void, access: 'write' | 'read' = 'write'): Promise<DocumentStore> {
  return isPostgresUrl(db) ? postgresStoreFor(db, note) : new SqliteDocumentStore(storeFor(db, mustExist, note, access) as SqliteStore);
}

/**
 * Whether this process may write the store: the file, its folder (SQLite creates its -wal and
 * -shm files there), and the -wal and -shm files if they exist.
 */
export function storeWritable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(resolve(file)), constants.W_OK);
    for (const side of [`${file}-wal`, `${file}-shm`]) if (existsSync(side)) accessSync(side, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Open the store named by --db; reading commands refuse a file that does not exist yet.
 * A store whose ledger is older than its documents (an analyze killed between storing
 * documents and rebuilding the ledger) is repaired here, before anything shows its ledger.
 * `access: 'read'` (report, export, a serve without a token): a store this process may not
 * write is opened read-only and shown as it is, a stale ledger with a warning rather than a
 * failure.
 */
export function storeFor(db: string | undefined, mustExist: boolean, note?: (line: string) => void, access: 'write' | 'read' = 'write'): Store {
  const file = db ?? DEFAULT_DB;
  if (isPostgresUrl(file)) throw new Error(`${publicName(file)}: this command works on a SQLite store only (on PostgreSQL: ${ON_POSTGRES})`);
  if (mustExist && !existsSync(file)) throw new Error(`${file}: no such store (run walkback analyze first, or pass --db)`);
  const readOnly = access === 'read' && existsSync(file) && !storeWritable(file);
  const store = openStore(file, { readOnly });
  try {
    if (store.ledgerStale()) {
      if (readOnly) {
        note?.(`walkback: warning: ${printable(file)}: the ledger is older than the documents (an interrupted analyze?) and the store is read-only: showing it as it is\n`);
      } else {
        rebuildLedger(store);
        note?.(`walkback: ${printable(file)}: the ledger was older than the documents (an interrupted analyze?); rebuilt\n`);
      }
    }
  } catch (err) {
    store.close();
    throw err;
  }
  return store;
}
