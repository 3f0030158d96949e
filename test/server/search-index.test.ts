/**
 * The search index is built once: at the first `serve` of a store that has none. After that
 * the store's triggers keep it current (documents added by `analyze` or by ingest reach it as
 * they are written), and neither a later start nor a request rebuilds it.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../../src/cli/commands/serve.js';
import { analyzeIntoStore } from '../../src/run.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/tmp.js';
import { storyStore } from './fixture.js';

afterEach(() => vi.restoreAllMocks());

async function searchTotal(url: string, q: string): Promise<number> {
  const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&in=documents`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { documents: { total: number } }).documents.total;
}

describe('the search index', () => {
  it('is built at the first start only, and kept current by the store as documents are added', async () => {
    const dir = tempDir();
    const db = join(dir, 's.db');
    storyStore(db).close();
    const exec = vi.spyOn(Database.prototype, 'exec');
    // Both indexes are contentless (a statement's text is read from its document's, a document's is packed): each is filled from its table.
    const rebuilds = (): number => exec.mock.calls.filter(([sql]) => /INSERT INTO (statements_fts\(rowid, text, speaker_text\)|documents_fts\(rowid, title, text\)) SELECT/.test(String(sql))).length;

    let server = await startServer({ db, port: 0, uiRoot: null });
    await server.close();
    // One rebuild statement per index (statements, documents), once.
    expect(rebuilds()).toBe(2);

    // Analysed after the index exists: written to it by the triggers, with no rebuild.
    const file = join(dir, 'quarry.txt');
    writeFileSync(file, 'Quarry Road Reopens\n\nThe Lind county engineer said on Thursday that the Brackwater quarry road would reopen next week.\n');
    const store = new SqliteStore(db);
    await analyzeIntoStore(store, [file], { jobs: 0 });
    store.close();

    server = await startServer({ db, port: 0, uiRoot: null });
    try {
      for (let i = 0; i < 5; i++) expect(await searchTotal(server.url, 'Brackwater')).toBe(1);
    } finally {
      await server.close();
    }
    expect(rebuilds()).toBe(2);
    // And what each holds is whole (FTS5 checks a contentless index in itself).
    const check = new Database(db);
    try {
      for (const t of ['statements_fts', 'documents_fts']) expect(() => check.exec(`INSERT INTO ${t}(${t}) VALUES ('integrity-check')`)).not.toThrow();
    } finally {
      check.close();
    }
  });
});
