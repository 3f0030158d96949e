import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { CANDIDATES, hitArgs, hitsOf } from '../../src/store/search-hits.js';

/** An FTS5 table of `n` rows, each with "harbor" once; `strong` rows say it three times (a better bm25 score). */
function index(n: number, strong: number[]): Database.Database {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
  const ins = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
  const many = new Set(strong);
  db.transaction(() => {
    for (let i = 1; i <= n; i++) ins.run(i, many.has(i) ? 'harbor harbor harbor talks' : `harbor talks in Dunmere on day ${i} of the long negotiations`);
  })();
  return db;
}

const page = (db: Database.Database, limit: number, offset: number): number[] =>
  db.prepare(`SELECT rowid FROM ${hitsOf('t')} ORDER BY hit.score, hit.rowid`).pluck().all(...hitArgs('"harbor"', { limit, offset })) as number[];

describe('a page of search hits', () => {
  it('ranks every match, best first, when there are fewer than the candidates', () => {
    const db = index(300, [7, 150]);
    const all = db.prepare("SELECT rowid FROM t WHERE t MATCH '\"harbor\"' ORDER BY bm25(t), rowid").pluck().all() as number[];
    expect(page(db, 10, 0)).toEqual(all.slice(0, 10));
    expect(page(db, 10, 0).slice(0, 2)).toEqual([7, 150]);
    expect(page(db, 50, 280)).toEqual(all.slice(280));
  });

  it('ranks the latest candidates of a common word, and still reaches a page past them', () => {
    const n = CANDIDATES + 500;
    const db = index(n, [3, n - 1]);
    // Row 3 is among the oldest 500, outside the latest candidates: the best of those leads.
    expect(page(db, 5, 0)[0]).toBe(n - 1);
    expect(page(db, 5, 0)).not.toContain(3);
    // A page as deep as the matches widens the candidates to reach it.
    expect(page(db, 50, n - 50)).toHaveLength(50);
  });
});
