/**
 * Writing only the ledger rows that changed, found by the digest each row keeps. A ledger table is read back in rowid order (the
 * export, the API's lists), so its rows are written with rowids spaced ROWID_STEP apart: a row
 * that keeps its place keeps its rowid and is not touched when it is unchanged, a row that moved
 * or is new takes a rowid between its kept neighbours, and a row gone is deleted. The rows that
 * keep their rowid are the longest run of stored rows already in the new order, so a few
 * articles move few rows. Where a gap is too narrow for the rows to go in it (a store written
 * before, with rowids 1, 2, 3...), the table is written whole, spaced again.
 *
 * A changed row is deleted and inserted again (same rowid), never updated in place: the search
 * indexes over events and conflicts follow inserts and deletes only (schema.ts).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Rowids of a table written whole: room for many rows between any two (2^20 × a million rows is far under 2^53). */
export const ROWID_STEP = 1 << 20;

/** A row to write: its id, and its column values (after the id, in the table's column order), made when needed so that every row's JSON text is never held at once. */
export interface KeyedRow {
  id: string;
  values: () => ReadonlyArray<string | number | null>;
  /** rowDigest of its values (those given, else made), remembered where ledger-rows.ts can. */
  digest: (values?: ReadonlyArray<string | number | null>) => string;
}

export interface TablePlan {
  table: string;
  /** Stored ids the new rows no longer hold. */
  dropped: string[];
  /** Rows deleted, inserted and left alone by apply(). */
  stats: { deleted: number; inserted: number; kept: number };
  /** Write the changes (after the ids dropped were noted for redirects). */
  apply(): void;
}

/**
 * A row's digest, kept in its `digest` column: a stored row is compared with the new one by it,
 * so neither the stored rows nor the new rows' text are ever all held at once.
 */
export function rowDigest(values: ReadonlyArray<string | number | null>): string {
  const h = createHash('sha1');
  for (const v of values) h.update(v === null ? '\u0002' : String(v)).update('\u0001');
  return h.digest('base64');
}

/** The tables written by planTable, and the column each keeps its digest in (added to a store made before). */
export function addDigestColumns(db: Database.Database, tables: readonly string[]): void {
  for (const t of tables) {
    const columns = db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'digest')) db.exec(`ALTER TABLE ${t} ADD COLUMN digest TEXT`);
  }
}

/**
 * What writing `rows` (in order) into `table` changes. `columns` are the table's columns after
 * `id`; `rewrite` names rows to write again even when unchanged (their search text reads other
 * tables that changed).
 */
export function planTable(db: Database.Database, table: string, columns: readonly string[], rows: readonly KeyedRow[], rewrite: (row: KeyedRow) => boolean = () => false): TablePlan {
  const stored = new Map<string, { rowid: number; digest: string | null }>();
  for (const [rowid, id, d] of db.prepare(`SELECT rowid, id, digest FROM ${table}`).raw().iterate() as Iterable<[number, string, string | null]>) stored.set(id, { rowid, digest: d });
  const live = new Set(rows.map((r) => r.id));
  const dropped = [...stored.keys()].filter((id) => !live.has(id));
  const keep = keptInPlace(rows.map((r) => stored.get(r.id)?.rowid ?? null));
  // Each row's rowid: its own when kept, else one between its kept neighbours.
  const rowids = new Array<number>(rows.length);
  let whole = false;
  for (let i = 0; i < rows.length && !whole; ) {
    if (keep[i]) {
      rowids[i] = stored.get(rows[i]!.id)!.rowid;
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && !keep[j]) j++;
    const low = i > 0 ? rowids[i - 1]! : 0;
    const high = j < rows.length ? stored.get(rows[j]!.id)!.rowid : low + ROWID_STEP * (j - i + 1);
    const step = Math.floor((high - low) / (j - i + 1));
    if (step < 1) whole = true;
    for (let k = i; k < j; k++) rowids[k] = low + step * (k - i + 1);
    i = j;
  }
  const statement = db.prepare(`INSERT INTO ${table} (rowid, id, digest, ${columns.join(', ')}) VALUES (${['?', '?', '?', ...columns.map(() => '?')].join(', ')})`);
  const insert = (rowid: number, r: KeyedRow): void => {
    const values = r.values();
    statement.run(rowid, r.id, r.digest(values), ...values);
  };
  const stats = { deleted: 0, inserted: 0, kept: 0 };
  if (whole) {
    stats.deleted = stored.size;
    stats.inserted = rows.length;
    return {
      table,
      dropped,
      stats,
      apply: () => {
        db.exec(`DELETE FROM ${table}`);
        rows.forEach((r, i) => insert((i + 1) * ROWID_STEP, r));
      },
    };
  }
  const remove: number[] = dropped.map((id) => stored.get(id)!.rowid);
  const add: number[] = [];
  rows.forEach((r, i) => {
    const was = stored.get(r.id);
    if (keep[i] && !rewrite(r) && was!.digest === r.digest()) return;
    if (was) remove.push(was.rowid);
    add.push(i);
  });
  stats.deleted = remove.length;
  stats.inserted = add.length;
  stats.kept = rows.length - add.length;
  return {
    table,
    dropped,
    stats,
    apply: () => {
      // Deleted first: a moved row keeps its id, which is the table's key.
      const del = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
      for (const rowid of remove) del.run(rowid);
      for (const i of add) insert(rowids[i]!, rows[i]!);
    },
  };
}

/**
 * Which rows keep their stored rowid: a longest increasing run of the stored rowids in the new
 * order (null: a new row). Patience sorting, n log n.
 */
export function keptInPlace(rowids: ReadonlyArray<number | null>): boolean[] {
  const tails: number[] = [];
  const prev = new Array<number>(rowids.length).fill(-1);
  for (let i = 0; i < rowids.length; i++) {
    const v = rowids[i];
    if (v === null || v === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rowids[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Array<boolean>(rowids.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep[i] = true;
  return keep;
}

/**
 * Make a keyed table (`key` columns) hold exactly `rows`, writing only the rows that differ;
 * order does not matter here. The last row of a key wins, as INSERT OR REPLACE would have it.
 * The rows are compared in SQLite (a TEMP table), not held in memory.
 */
export function syncKeyed(db: Database.Database, table: string, key: readonly [string, string], value: string, rows: Iterable<{ a: string; b: string; value: string }>): { deleted: number; written: number } {
  const [a, b] = key;
  db.exec(`DROP TABLE IF EXISTS temp.wanted; CREATE TEMP TABLE wanted (a TEXT NOT NULL, b TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID`);
  const put = db.prepare('INSERT OR REPLACE INTO wanted (a, b, value) VALUES (?, ?, ?)');
  for (const r of rows) put.run(r.a, r.b, r.value);
  const deleted = db.prepare(`DELETE FROM ${table} WHERE NOT EXISTS (SELECT 1 FROM wanted w WHERE w.a = ${table}.${a} AND w.b = ${table}.${b})`).run().changes;
  const written = db
    .prepare(`INSERT OR REPLACE INTO ${table} (${a}, ${b}, ${value}) SELECT w.a, w.b, w.value FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${a} = w.a AND t.${b} = w.b AND t.${value} = w.value)`)
    .run().changes;
  db.exec('DROP TABLE temp.wanted');
  return { deleted, written };
}
