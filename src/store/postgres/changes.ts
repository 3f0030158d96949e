/**
 * Which state of a PostgreSQL store a server answers from, as a string that changes whenever a
 * write is committed: by this process (counted at its commit, transaction.ts, and its notice
 * known by its pool's token and not counted again) or by any other,
 * a worker on another machine included (the notice every write transaction sends on
 * CHANGED_CHANNEL, heard on a connection kept listening). SQLite's counterpart is
 * src/store/data-version.ts. While the listening connection is lost the state is unknown (null),
 * and the server keeps no answers.
 */
import type pg from 'pg';
import type { StoreVersionFeed } from '../port.js';
import { CHANGED_CHANNEL, poolToken, writesCommitted } from './transaction.js';

export class PgChangeFeed implements StoreVersionFeed {
  private heard = 0;
  private live = true;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly client: pg.PoolClient,
  ) {}

  static async listen(pool: pg.Pool): Promise<PgChangeFeed> {
    const client = await pool.connect();
    const feed = new PgChangeFeed(pool, client);
    client.on('notification', (n) => {
      // This process's own writes were counted at their commit.
      if (n.channel === CHANGED_CHANNEL && n.payload !== poolToken(pool)) feed.heard++;
    });
    client.on('error', () => {
      feed.live = false;
    });
    client.on('end', () => {
      feed.live = false;
    });
    await client.query(`LISTEN ${CHANGED_CHANNEL}`);
    return feed;
  }

  version(): string | null {
    return this.live ? `${writesCommitted(this.pool)}:${this.heard}` : null;
  }

  async close(): Promise<void> {
    if (this.live) await this.client.query(`UNLISTEN ${CHANGED_CHANNEL}`).catch(() => {});
    this.live = false;
    this.client.release();
  }
}
