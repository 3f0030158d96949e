import { existsSync, accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import { rebuildLedger } from '../../run.js';
import { printable } from '../../core/message.js';

export const DEFAULT_DB = 'walkback.db';

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
