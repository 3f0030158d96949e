/**
 * The ledger's diff writer: after any sequence of writes a table reads back, in rowid order,
 * exactly the rows last written, in their order; writing the same rows again touches nothing;
 * and a few rows added or changed touch those rows, not the table.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { keptInPlace, planTable, rowDigest, syncKeyed, type KeyedRow } from '../../src/store/ledger-diff.js';

const table = (): Database.Database => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, kind TEXT, data TEXT NOT NULL, digest TEXT)');
  return db;
};
const keyed = (r: { id: string; data: string }): KeyedRow => ({ id: r.id, values: () => ['k', r.data], digest: (v) => rowDigest(v ?? ['k', r.data]) });
const write = (db: Database.Database, list: Array<{ id: string; data: string }>) => {
  const plan = planTable(db, 't', ['kind', 'data'], list, keyed);
  plan.apply();
  return plan;
};
const read = (db: Database.Database) => db.prepare('SELECT id, data FROM t ORDER BY rowid').all();

/** A table's rows: distinct ids from a small pool (so that writes share rows), any data. */
const rowList = fc.uniqueArray(fc.record({ id: fc.constantFrom(...'abcdefghijklmnop'.split('')), data: fc.constantFrom('x', 'y', 'z') }), { selector: (r) => r.id, maxLength: 16 });

describe('writing only the ledger rows that changed', () => {
  it('reads back the rows last written, in their order, after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(rowList, { minLength: 1, maxLength: 6 }), fc.boolean(), (writes, dense) => {
        const db = table();
        // A store written before: rowids 1, 2, 3... with no room between them.
        if (dense) db.prepare("INSERT INTO t (id, kind, data) VALUES ('a', 'k', 'x'), ('b', 'k', 'y'), ('c', 'k', 'z')").run();
        for (const w of writes) {
          const plan = write(db, w);
          expect(read(db)).toEqual(w);
          expect(plan.stats.inserted + plan.stats.kept).toBe(w.length);
          const again = write(db, w);
          expect(again.stats).toEqual({ deleted: 0, inserted: 0, kept: w.length });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes the rows added and changed, and names the ids dropped', () => {
    const db = table();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `r${String(i).padStart(4, '0')}`, data: 'x' }));
    write(db, rows);
    const next = [...rows.slice(0, 500), { id: 'new', data: 'x' }, ...rows.slice(500, 998), { id: 'r0999', data: 'changed' }];
    const plan = write(db, next);
    expect(read(db)).toEqual(next);
    expect(plan.stats).toEqual({ deleted: 2, inserted: 2, kept: 998 });
    expect(plan.dropped).toEqual(['r0998']);
  });

  it('keeps the longest run of rows already in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 40 }), { maxLength: 14 }), (xs) => {
        const keep = keptInPlace(xs);
        const kept = xs.filter((_, i) => keep[i]);
        expect(kept).toEqual([...kept].sort((a, b) => a - b));
        // The longest increasing run, by the quadratic recurrence.
        const best = xs.map(() => 1);
        for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[j]! < xs[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
        expect(kept.length).toBe(Math.max(0, ...best));
      }),
    );
  });

  it('syncs a keyed table to the rows given, the last of a key winning', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE s (document TEXT, local TEXT, entity TEXT, PRIMARY KEY (document, local))');
    syncKeyed(db, 's', ['document', 'local'], 'entity', [
      { a: 'd1', b: 'l1', value: 'e1' },
      { a: 'd1', b: 'l2', value: 'e2' },
    ]);
    const n = syncKeyed(db, 's', ['document', 'local'], 'entity', [
      { a: 'd1', b: 'l1', value: 'e1' },
      { a: 'd2', b: 'l1', value: 'e9' },
      { a: 'd2', b: 'l1', value: 'e3' },
    ]);
    expect(n).toEqual({ deleted: 1, written: 1 });
    expect(db.prepare('SELECT document, local, entity FROM s ORDER BY document, local').raw().all()).toEqual([
      ['d1', 'l1', 'e1'],
      ['d2', 'l1', 'e3'],
    ]);
  });
});
