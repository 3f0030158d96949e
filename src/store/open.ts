/**
 * The store `--db` (or WALKBACK_DB) names: a `postgres://` URL opens the PostgreSQL backend,
 * anything else is a SQLite file. Callers get the port (src/store/port.ts) either way.
 */
import type { DocumentStore } from './port.js';
import { SqliteStore } from './sqlite.js';
import { SqliteDocumentStore } from './sqlite/port.js';
import { isPostgresUrl } from './postgres/connect.js';

export const DEFAULT_DB = 'walkback.db';

/** The store named by the flag, else WALKBACK_DB, else walkback.db. */
export const dbArgument = (flag?: string): string => flag || process.env.WALKBACK_DB || DEFAULT_DB;

export { isPostgresUrl };

export async function openDocumentStore(db: string, opts: { readOnly?: boolean } = {}): Promise<DocumentStore> {
  if (isPostgresUrl(db)) {
    const { PgDocumentStore } = await import('./postgres/store.js');
    return PgDocumentStore.open(db);
  }
  return new SqliteDocumentStore(new SqliteStore(db, opts));
}
