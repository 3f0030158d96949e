import { existsSync } from 'node:fs';
import { openStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';

export const DEFAULT_DB = 'walkback.db';

/** Open the store named by --db; reading commands refuse a file that does not exist yet. */
export function storeFor(db: string | undefined, mustExist: boolean): Store {
  const file = db ?? DEFAULT_DB;
  if (mustExist && !existsSync(file)) throw new Error(`${file}: no such store (run walkback analyze first, or pass --db)`);
  return openStore(file);
}
