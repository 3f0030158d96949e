import { existsSync } from 'node:fs';
import { openStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import { rebuildLedger } from '../../run.js';
import { printable } from '../../core/message.js';

export const DEFAULT_DB = 'walkback.db';

/**
 * Open the store named by --db; reading commands refuse a file that does not exist yet.
 * A store whose ledger is older than its documents (an analyze killed between storing
 * documents and rebuilding the ledger) is repaired here, before anything shows its ledger.
 */
export function storeFor(db: string | undefined, mustExist: boolean, note?: (line: string) => void): Store {
  const file = db ?? DEFAULT_DB;
  if (mustExist && !existsSync(file)) throw new Error(`${file}: no such store (run walkback analyze first, or pass --db)`);
  const store = openStore(file);
  try {
    if (store.ledgerStale()) {
      rebuildLedger(store);
      note?.(`walkback: ${printable(file)}: the ledger was older than the documents (an interrupted analyze?); rebuilt\n`);
    }
  } catch (err) {
    store.close();
    throw err;
  }
  return store;
}
