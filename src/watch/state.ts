/**
 * What `watch` remembers, in the store beside the ledger (tables of its own, created on first
 * use, so that stopping and restarting resumes where it stopped): each source's last poll and
 * validators, each item seen, the ledger keys already reported, the changes and alerts found,
 * and the webhook outbox. Nothing here is rebuilt with the ledger.
 */
import type Database from 'better-sqlite3';
import type { Async } from '../store/port.js';

export const watchSchemaSql = `
CREATE TABLE IF NOT EXISTS watch_sources (
  url TEXT PRIMARY KEY,
  name TEXT,
  etag TEXT,
  last_modified TEXT,
  last_poll TEXT,
  last_ok TEXT,
  next_poll INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  total_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE TABLE IF NOT EXISTS watch_items (
  url TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  record TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_keys (
  key TEXT PRIMARY KEY,
  value TEXT
);
CREATE TABLE IF NOT EXISTS watch_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  alert INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_outbox (
  change INTEGER NOT NULL REFERENCES watch_changes(seq),
  webhook TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  PRIMARY KEY (change, webhook)
);
CREATE TABLE IF NOT EXISTS watch_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/** An item's state: waiting for its article, analysed, left out by --match, or given up on. */
export type ItemState = 'pending' | 'done' | 'skipped' | 'failed';

export interface SourceRow {
  url: string;
  name: string | null;
  etag: string | null;
  last_modified: string | null;
  last_poll: string | null;
  last_ok: string | null;
  next_poll: number;
  failures: number;
  total_failures: number;
  last_error: string | null;
}

export interface ItemRow {
  url: string;
  source: string;
  state: ItemState;
  /** The feed's record of the item (JSON: url, title, published, outlet, html). */
  record: string;
  attempts: number;
  next_try: number;
  last_error: string | null;
}

export interface ChangeRow {
  seq: number;
  key: string;
  kind: string;
  at: string;
  alert: number;
  body: string;
}

export interface OutboxRow {
  change: number;
  webhook: string;
  attempts: number;
  next_try: number;
  last_error: string | null;
  body: string;
}

/** What /api/changes and the Atom feed ask for. */
export interface ChangesOptions {
  alertsOnly?: boolean;
  limit?: number;
  newestFirst?: boolean;
}

/** The methods of WatchState that `watch` and `status` call, in the port's terms. */
export const watchStoreMethods = ['sources', 'addSource', 'polled', 'addItems', 'pendingItems', 'setItem', 'setRecord', 'itemCounts', 'alertCount', 'meta', 'setMeta', 'keys', 'record', 'outboxDue', 'outboxSize', 'delivered', 'deliveryFailed'] as const;
/** The watch state on any store (SQLite: WatchState below; PostgreSQL: src/store/postgres/watch.ts). */
export type WatchStore = Async<Pick<WatchState, (typeof watchStoreMethods)[number]>>;

/** Whether the watch tables exist (a store `watch` never ran on has none; a read-only server must not create them). */
export function hasWatchTables(db: Database.Database): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'watch_changes'").get());
}

export class WatchState {
  /** `create` false: a read-only look (status) at tables that exist already. */
  constructor(
    readonly db: Database.Database,
    create = true,
  ) {
    if (create) db.exec(watchSchemaSql);
  }

  source(url: string): SourceRow | undefined {
    return this.db.prepare('SELECT * FROM watch_sources WHERE url = ?').get(url) as SourceRow | undefined;
  }

  sources(): SourceRow[] {
    return this.db.prepare('SELECT * FROM watch_sources ORDER BY url').all() as SourceRow[];
  }

  addSource(url: string, name: string | null): void {
    this.db.prepare('INSERT INTO watch_sources (url, name) VALUES (?, ?) ON CONFLICT(url) DO UPDATE SET name = COALESCE(excluded.name, name)').run(url, name);
  }

  polled(url: string, ok: { etag: string | null; lastModified: string | null } | { error: string }, nextPoll: number, now = new Date()): void {
    const at = now.toISOString();
    if ('error' in ok) {
      this.db.prepare('UPDATE watch_sources SET last_poll = ?, failures = failures + 1, total_failures = total_failures + 1, last_error = ?, next_poll = ? WHERE url = ?').run(at, ok.error, nextPoll, url);
    } else {
      this.db
        .prepare('UPDATE watch_sources SET last_poll = ?, last_ok = ?, failures = 0, last_error = NULL, next_poll = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) WHERE url = ?')
        .run(at, at, nextPoll, ok.etag, ok.lastModified, url);
    }
  }

  /** Record items not seen before (by link); returns how many were new. */
  addItems(source: string, records: Array<{ url: string; record: string }>, now = new Date()): number {
    const insert = this.db.prepare("INSERT OR IGNORE INTO watch_items (url, source, state, record, seen_at) VALUES (?, ?, 'pending', ?, ?)");
    return this.db.transaction(() => records.reduce((n, r) => n + insert.run(r.url, source, r.record, now.toISOString()).changes, 0))();
  }

  /** Items still waiting for their article, due by `now` (ms). */
  pendingItems(now: number): ItemRow[] {
    return this.db.prepare("SELECT * FROM watch_items WHERE state = 'pending' AND next_try <= ? ORDER BY rowid").all(now) as ItemRow[];
  }

  setItem(url: string, state: ItemState, error: string | null = null, nextTry = 0): void {
    this.db.prepare('UPDATE watch_items SET state = ?, attempts = attempts + ?, last_error = ?, next_try = ? WHERE url = ?').run(state, error ? 1 : 0, error, nextTry, url);
  }

  /** Keep an item's fetched article with it (analysed on restart without fetching again). */
  setRecord(url: string, record: string): void {
    this.db.prepare('UPDATE watch_items SET record = ? WHERE url = ?').run(record, url);
  }

  itemCounts(): Record<ItemState, number> {
    const counts: Record<ItemState, number> = { pending: 0, done: 0, skipped: 0, failed: 0 };
    for (const r of this.db.prepare('SELECT state, COUNT(*) AS n FROM watch_items GROUP BY state').all() as Array<{ state: ItemState; n: number }>) counts[r.state] = r.n;
    return counts;
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM watch_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO watch_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The ledger keys already reported, with their values (an event's last status). */
  keys(): Map<string, string | null> {
    return new Map((this.db.prepare('SELECT key, value FROM watch_keys').all() as Array<{ key: string; value: string | null }>).map((r) => [r.key, r.value]));
  }

  /**
   * In one transaction: the keys now reported, the changes found (each once: a key already
   * recorded is ignored), and an outbox row per alert and webhook. Returns the changes added.
   */
  record(keys: Map<string, string | null>, changes: Array<{ key: string; kind: string; alert: boolean; body: unknown }>, webhooks: string[], now = new Date()): ChangeRow[] {
    const setKey = this.db.prepare('INSERT INTO watch_keys (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    const addChange = this.db.prepare('INSERT OR IGNORE INTO watch_changes (key, kind, at, alert, body) VALUES (?, ?, ?, ?, ?) RETURNING *');
    const queue = this.db.prepare('INSERT OR IGNORE INTO watch_outbox (change, webhook) VALUES (?, ?)');
    return this.db.transaction(() => {
      for (const [k, v] of keys) setKey.run(k, v);
      const added: ChangeRow[] = [];
      for (const c of changes) {
        const row = addChange.get(c.key, c.kind, now.toISOString(), c.alert ? 1 : 0, JSON.stringify({ ...(c.body as object), at: now.toISOString() })) as ChangeRow | undefined;
        if (!row) continue;
        added.push(row);
        if (row.alert) for (const w of webhooks) queue.run(row.seq, w);
      }
      return added;
    })();
  }

  /** Changes that raised an alert. */
  alertCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM watch_changes WHERE alert = 1').get() as { n: number }).n;
  }

  outboxDue(now: number): OutboxRow[] {
    return this.db.prepare('SELECT o.*, c.body FROM watch_outbox o JOIN watch_changes c ON c.seq = o.change WHERE o.next_try <= ? ORDER BY o.change, o.webhook').all(now) as OutboxRow[];
  }

  outboxSize(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM watch_outbox').get() as { n: number }).n;
  }

  delivered(change: number, webhook: string): void {
    this.db.prepare('DELETE FROM watch_outbox WHERE change = ? AND webhook = ?').run(change, webhook);
  }

  deliveryFailed(change: number, webhook: string, error: string, nextTry: number): void {
    this.db.prepare('UPDATE watch_outbox SET attempts = attempts + 1, last_error = ?, next_try = ? WHERE change = ? AND webhook = ?').run(error, nextTry, change, webhook);
  }
}

/** Changes after a cursor (seq) or a time, oldest first; for a store without watch tables, none. */
export function changesSince(db: Database.Database, since: { seq?: number; time?: string }, opts: ChangesOptions = {}): ChangeRow[] {
  if (!hasWatchTables(db)) return [];
  const where = [since.seq !== undefined ? 'seq > @seq' : null, since.time !== undefined ? 'at > @time' : null, opts.alertsOnly ? 'alert = 1' : null].filter(Boolean);
  const sql = `SELECT * FROM watch_changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq ${opts.newestFirst ? 'DESC' : 'ASC'} LIMIT @limit`;
  return db.prepare(sql).all({ seq: since.seq ?? 0, time: since.time ?? '', limit: opts.limit ?? 500 }) as ChangeRow[];
}
