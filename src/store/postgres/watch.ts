/**
 * What `watch` keeps, in a PostgreSQL store (the tables of migration 4): the same calls and
 * rows as SQLite's WatchState (src/watch/state.ts), so that a watch on PostgreSQL resumes
 * where it stopped, fetches nothing twice and alerts once.
 */
import type pg from 'pg';
import type { ChangeRow, ChangesOptions, ItemRow, ItemState, OutboxRow, SourceRow, WatchStore } from '../../watch/state.js';
import { inTransaction } from './transaction.js';

const ITEM = 'url, source, state, record, attempts, next_try, last_error';
const CHANGE = 'seq, key, kind, at, alert, body';

export class PgWatchState implements WatchStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows<T extends pg.QueryResultRow>(sql: string, args: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, args)).rows;
  }

  async sources(): Promise<SourceRow[]> {
    return this.rows<SourceRow>('SELECT * FROM watch_sources ORDER BY url COLLATE "C"');
  }

  async addSource(url: string, name: string | null): Promise<void> {
    await this.pool.query('INSERT INTO watch_sources (url, name) VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET name = COALESCE(excluded.name, watch_sources.name)', [url, name]);
  }

  async polled(url: string, ok: { etag: string | null; lastModified: string | null } | { error: string }, nextPoll: number, now = new Date()): Promise<void> {
    const at = now.toISOString();
    if ('error' in ok) {
      await this.pool.query('UPDATE watch_sources SET last_poll = $1, failures = failures + 1, total_failures = total_failures + 1, last_error = $2, next_poll = $3 WHERE url = $4', [at, ok.error, nextPoll, url]);
    } else {
      await this.pool.query(
        'UPDATE watch_sources SET last_poll = $1, last_ok = $1, failures = 0, last_error = NULL, next_poll = $2, etag = COALESCE($3, etag), last_modified = COALESCE($4, last_modified) WHERE url = $5',
        [at, nextPoll, ok.etag, ok.lastModified, url],
      );
    }
  }

  async addItems(source: string, records: Array<{ url: string; record: string }>, now = new Date()): Promise<number> {
    if (!records.length) return 0;
    // In the order given (row_no), each link once.
    const r = await this.pool.query(
      `INSERT INTO watch_items (url, source, state, record, seen_at) SELECT url, $1, 'pending', record, $2 FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(url, record, n) ORDER BY n ON CONFLICT (url) DO NOTHING`,
      [source, now.toISOString(), records.map((x) => x.url), records.map((x) => x.record)],
    );
    return r.rowCount ?? 0;
  }

  async pendingItems(now: number): Promise<ItemRow[]> {
    return this.rows<ItemRow>(`SELECT ${ITEM} FROM watch_items WHERE state = 'pending' AND next_try <= $1 ORDER BY row_no`, [now]);
  }

  async setItem(url: string, state: ItemState, error: string | null = null, nextTry = 0): Promise<void> {
    await this.pool.query('UPDATE watch_items SET state = $1, attempts = attempts + $2, last_error = $3, next_try = $4 WHERE url = $5', [state, error ? 1 : 0, error, nextTry, url]);
  }

  async setRecord(url: string, record: string): Promise<void> {
    await this.pool.query('UPDATE watch_items SET record = $1 WHERE url = $2', [record, url]);
  }

  async itemCounts(): Promise<Record<ItemState, number>> {
    const counts: Record<ItemState, number> = { pending: 0, done: 0, skipped: 0, failed: 0 };
    for (const r of await this.rows<{ state: ItemState; n: string }>('SELECT state, COUNT(*) AS n FROM watch_items GROUP BY state')) counts[r.state] = Number(r.n);
    return counts;
  }

  async alertCount(): Promise<number> {
    return Number((await this.rows<{ n: string }>('SELECT COUNT(*) AS n FROM watch_changes WHERE alert = 1'))[0]?.n ?? 0);
  }

  async meta(key: string): Promise<string | undefined> {
    return (await this.rows<{ value: string }>('SELECT value FROM watch_meta WHERE key = $1', [key]))[0]?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO watch_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async keys(): Promise<Map<string, string | null>> {
    return new Map((await this.rows<{ key: string; value: string | null }>('SELECT key, value FROM watch_keys')).map((r) => [r.key, r.value]));
  }

  async record(keys: Map<string, string | null>, changes: Array<{ key: string; kind: string; alert: boolean; body: unknown }>, webhooks: string[], now = new Date()): Promise<ChangeRow[]> {
    const at = now.toISOString();
    return inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO watch_keys (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [[...keys.keys()], [...keys.values()]]);
      const added: ChangeRow[] = [];
      // One at a time: each change's seq in the order found.
      for (const ch of changes) {
        const row = (
          await c.query<ChangeRow>(`INSERT INTO watch_changes (key, kind, at, alert, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING RETURNING ${CHANGE}`, [
            ch.key,
            ch.kind,
            at,
            ch.alert ? 1 : 0,
            JSON.stringify({ ...(ch.body as object), at }),
          ])
        ).rows[0];
        if (!row) continue;
        added.push(row);
        if (row.alert && webhooks.length) await c.query('INSERT INTO watch_outbox (change, webhook) SELECT $1, w FROM unnest($2::text[]) AS w ON CONFLICT DO NOTHING', [row.seq, webhooks]);
      }
      return added;
    });
  }

  async outboxDue(now: number): Promise<OutboxRow[]> {
    return this.rows<OutboxRow>(
      'SELECT o.change, o.webhook, o.attempts, o.next_try, o.last_error, c.body FROM watch_outbox o JOIN watch_changes c ON c.seq = o.change WHERE o.next_try <= $1 ORDER BY o.change, o.webhook COLLATE "C"',
      [now],
    );
  }

  async outboxSize(): Promise<number> {
    return Number((await this.rows<{ n: string }>('SELECT COUNT(*) AS n FROM watch_outbox'))[0]?.n ?? 0);
  }

  async delivered(change: number, webhook: string): Promise<void> {
    await this.pool.query('DELETE FROM watch_outbox WHERE change = $1 AND webhook = $2', [change, webhook]);
  }

  async deliveryFailed(change: number, webhook: string, error: string, nextTry: number): Promise<void> {
    await this.pool.query('UPDATE watch_outbox SET attempts = attempts + 1, last_error = $1, next_try = $2 WHERE change = $3 AND webhook = $4', [error, nextTry, change, webhook]);
  }
}

/** Changes after a cursor (seq) or a time, oldest first (src/watch/state.ts changesSince). */
export async function pgChangesSince(pool: pg.Pool, since: { seq?: number; time?: string }, opts: ChangesOptions = {}): Promise<ChangeRow[]> {
  const where = ['seq > $1', 'at > $2', ...(opts.alertsOnly ? ['alert = 1'] : [])];
  return (await pool.query<ChangeRow>(`SELECT ${CHANGE} FROM watch_changes WHERE ${where.join(' AND ')} ORDER BY seq ${opts.newestFirst ? 'DESC' : 'ASC'} LIMIT $3`, [since.seq ?? 0, since.time ?? '', opts.limit ?? 500])).rows;
}
