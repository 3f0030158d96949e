/** PostgreSQL transactions of the store: on one client of the pool, rolled back when the body throws. */
import type pg from 'pg';

/** Run `body` in a transaction (`mode`: BEGIN and its isolation) on one client of the pool. */
export async function inTransaction<T>(pool: pg.Pool, body: (c: pg.PoolClient) => Promise<T>, mode = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(mode);
    const out = await body(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
