/** PostgreSQL transactions of the store: on one client of the pool, rolled back when the body throws. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** The channel a committed write is announced on (changes.ts listens to it, for the server's kept answers). */
export const CHANGED_CHANNEL = 'walkback_changed';

/** Write transactions committed through each pool by this process: seen at once, before the notice arrives. */
const committed = new WeakMap<pg.Pool, number>();
export const writesCommitted = (pool: pg.Pool): number => committed.get(pool) ?? 0;
/** A write transaction of `pool` committed (inTransaction's, or a statement's run alone). */
export const countCommit = (pool: pg.Pool): void => void committed.set(pool, writesCommitted(pool) + 1);

/**
 * What each pool's notices carry: its own, counted at commit, are then told from the others'
 * (heard later, and a second count of an own write would drop answers computed after it).
 */
const tokens = new WeakMap<pg.Pool, string>();
export function poolToken(pool: pg.Pool): string {
  let token = tokens.get(pool);
  if (!token) tokens.set(pool, (token = randomUUID()));
  return token;
}

/**
 * Run `body` in a transaction (`mode`: BEGIN and its isolation) on one client of the pool. A
 * transaction that may write announces itself on CHANGED_CHANNEL; PostgreSQL delivers the notice
 * to every listener when, and only if, it commits.
 */
export async function inTransaction<T>(pool: pg.Pool, body: (c: pg.PoolClient) => Promise<T>, mode = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  const writes = !/\bREAD ONLY\b/i.test(mode);
  try {
    await client.query(mode);
    const out = await body(client);
    if (writes) await client.query('SELECT pg_notify($1, $2)', [CHANGED_CHANNEL, poolToken(pool)]);
    await client.query('COMMIT');
    if (writes) countCommit(pool);
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
