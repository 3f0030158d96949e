/**
 * A PostgreSQL store's connection: a node-postgres pool on a `postgres://` URL, migrated to
 * this walkback's schema when opened (src/store/postgres/migrations.ts).
 */
import pg from 'pg';
import { migrations, PG_SCHEMA_VERSION, type Migration } from './migrations.js';
import { StoreError } from '../errors.js';

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/** The URL as messages show it: without its password. */
export function publicName(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Advisory lock keys (pg_advisory_lock takes a bigint): one per thing that must not run twice at once. */
export const LOCKS = { migrate: 0x77616c6b01, ledger: 0x77616c6b02, corrections: 0x77616c6b03 } as const;

/** Apply the migrations past the store's version, each in its own transaction, up to `target` (tests stop at an earlier one). */
export async function migrate(pool: pg.Pool, name: string, target = PG_SCHEMA_VERSION, steps: readonly Migration[] = migrations): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migrate]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const at = Number((await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
    if (at > PG_SCHEMA_VERSION) throw new StoreError(name, `store schema ${at} is newer than this walkback (${PG_SCHEMA_VERSION})`);
    for (const m of steps) {
      if (m.version <= at || m.version > target) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new StoreError(name, `migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
      }
    }
    return Math.max(at, Math.min(target, PG_SCHEMA_VERSION));
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrate]).catch(() => {});
    client.release();
  }
}

/** A pool on `url`, migrated; a server that cannot be reached is a StoreError naming the URL. */
export async function connect(url: string, opts: { max?: number } = {}): Promise<pg.Pool> {
  const name = publicName(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4 });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await migrate(pool, name);
  } catch (err) {
    await pool.end();
    throw err instanceof StoreError ? err : new StoreError(name, `cannot open the store: ${(err as Error).message}`);
  }
  return pool;
}
