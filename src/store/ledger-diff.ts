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
import { addMissingColumns } from './sqlite/columns.js';

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
 * so neither the stored rows nor the new rows' text are ever all held at once. Only a row's own
 * stored digest is compared with its new one, so 72 bits (12 characters, a third of the whole
 * SHA-1's in base64) leave a change unseen once in 2^72.
 */
export function rowDigest(values: ReadonlyArray<string | number | null>): string {
  const h = createHash('sha1');
  for (const v of values) h.update(v === null ? '\u0002' : String(v)).update('\u0001');
  return h.digest().subarray(0, 9).toString('base64');
}

/** The tables written by planTable, and the column each keeps its digest in (added to a store made before, and to a new one). */
export function addDigestColumns(db: Database.Database, tables: readonly string[]): void {
  addMissingColumns(db, tables.map((t) => [t, 'digest', 'TEXT'] as const));
}

/**
 * What writing `rows` (in order) into `table` changes. `columns` are the table's columns after
 * `id`; `keyed` makes a row's KeyedRow when it is compared or written, one row at a time, so that
 * no table's KeyedRows, JSON texts or digests are ever all held at once; `rewrite` names rows to
 * write again even when unchanged (their search text reads other tables that changed); `stored`
 * makes the values written of those digested (a rule's name as its number: rule-names.ts). What
 * the plan keeps a row is a few numbers in typed arrays, plus the stored ids and digests.
 */
export function planTable<T extends { id: string }>(
  db: Database.Database,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  keyed: (row: T) => KeyedRow,
  rewrite: (id: string) => boolean = () => false,
  stored: (values: ReadonlyArray<string | number | null>) => ReadonlyArray<string | number | null> = (values) => values,
): TablePlan {
  // The stored rows, by id: the index of each in two arrays of their rowids and digests.
  const storedAt = new Map<string, number>();
  const storedRowid: number[] = [];
  const storedDigest: Array<string | null> = [];
  for (const [rowid, id, d] of db.prepare(`SELECT rowid, id, digest FROM ${table}`).raw().iterate() as Iterable<[number, string, string | null]>) {
    storedAt.set(id, storedRowid.length);
    storedRowid.push(rowid);
    storedDigest.push(d);
  }
  const n = rows.length;
  // Each new row's stored index (-1: new) and stored rowid (NaN: new).
  const at = new Int32Array(n);
  const was = new Float64Array(n);
  const live = new Uint8Array(storedRowid.length);
  for (let i = 0; i < n; i++) {
    const k = storedAt.get(rows[i]!.id);
    at[i] = k ?? -1;
    was[i] = k === undefined ? Number.NaN : storedRowid[k]!;
    if (k !== undefined) live[k] = 1;
  }
  const dropped: string[] = [];
  const remove: number[] = [];
  for (const [id, k] of storedAt) {
    if (live[k]) continue;
    dropped.push(id);
    remove.push(storedRowid[k]!);
  }
  storedAt.clear();
  const keep = keptInPlace(was);
  // Each row's rowid: its own when kept, else one between its kept neighbours.
  const rowids = new Float64Array(n);
  let whole = false;
  for (let i = 0; i < n && !whole; ) {
    if (keep[i]) {
      rowids[i] = was[i]!;
      i++;
      continue;
    }
    let j = i;
    while (j < n && !keep[j]) j++;
    const low = i > 0 ? rowids[i - 1]! : 0;
    const high = j < n ? was[j]! : low + ROWID_STEP * (j - i + 1);
    const step = Math.floor((high - low) / (j - i + 1));
    if (step < 1) whole = true;
    for (let k = i; k < j; k++) rowids[k] = low + step * (k - i + 1);
    i = j;
  }
  const statement = db.prepare(`INSERT INTO ${table} (rowid, id, digest, ${columns.join(', ')}) VALUES (${['?', '?', '?', ...columns.map(() => '?')].join(', ')})`);
  const insert = (rowid: number, row: T): void => {
    const r = keyed(row);
    const values = r.values();
    statement.run(rowid, r.id, r.digest(values), ...stored(values));
  };
  const stats = { deleted: 0, inserted: 0, kept: 0 };
  if (whole) {
    stats.deleted = storedRowid.length;
    stats.inserted = n;
    return {
      table,
      dropped,
      stats,
      apply: () => {
        db.exec(`DELETE FROM ${table}`);
        for (let i = 0; i < n; i++) insert((i + 1) * ROWID_STEP, rows[i]!);
      },
    };
  }
  // Which rows are written: new, moved, changed (its digest made here, its values let go), or to rewrite.
  const write = new Uint8Array(n);
  let written = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] && !rewrite(rows[i]!.id) && storedDigest[at[i]!] === keyed(rows[i]!).digest()) continue;
    write[i] = 1;
    written++;
    if (at[i]! >= 0) remove.push(was[i]!);
  }
  stats.deleted = remove.length;
  stats.inserted = written;
  stats.kept = n - written;
  return {
    table,
    dropped,
    stats,
    apply: () => {
      // Deleted first: a moved row keeps its id, which is the table's key.
      const del = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
      for (const rowid of remove) del.run(rowid);
      for (let i = 0; i < n; i++) if (write[i]) insert(rowids[i]!, rows[i]!);
    },
  };
}

/**
 * Which rows keep their stored rowid: a longest increasing run of the stored rowids in the new
 * order (null or NaN: a new row); 1 for a row kept. Patience sorting, n log n.
 */
export function keptInPlace(rowids: ArrayLike<number | null>): Uint8Array {
  const tails: number[] = [];
  const prev = new Int32Array(rowids.length).fill(-1);
  for (let i = 0; i < rowids.length; i++) {
    const v = rowids[i];
    if (v === null || v === undefined || Number.isNaN(v)) continue;
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
  const keep = new Uint8Array(rowids.length);
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep[i] = 1;
  return keep;
}

/**
 * Make a keyed table (`key` columns) hold exactly `rows` (or those a SELECT of three columns
 * gives, in SQL), writing only the rows that differ; order does not matter here. The last row
 * of a key wins, as INSERT OR REPLACE would have it. The rows are compared in SQLite (a TEMP
 * table), not held in memory.
 */
export function syncKeyed(db: Database.Database, table: string, key: readonly [string, string], value: string, rows: Iterable<{ a: string; b: string; value: string }> | string): { deleted: number; written: number } {
  const [a, b] = key;
  db.exec(`DROP TABLE IF EXISTS temp.wanted; CREATE TEMP TABLE wanted (a TEXT NOT NULL, b TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID`);
  if (typeof rows === 'string') db.exec(`INSERT OR REPLACE INTO wanted (a, b, value) ${rows}`);
  else {
    const put = db.prepare('INSERT OR REPLACE INTO wanted (a, b, value) VALUES (?, ?, ?)');
    for (const r of rows) put.run(r.a, r.b, r.value);
  }
  const deleted = db.prepare(`DELETE FROM ${table} WHERE NOT EXISTS (SELECT 1 FROM wanted w WHERE w.a = ${table}.${a} AND w.b = ${table}.${b})`).run().changes;
  const written = db
    .prepare(`INSERT OR REPLACE INTO ${table} (${a}, ${b}, ${value}) SELECT w.a, w.b, w.value FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${a} = w.a AND t.${b} = w.b AND t.${value} = w.value)`)
    .run().changes;
  db.exec('DROP TABLE temp.wanted');
  return { deleted, written };
}
