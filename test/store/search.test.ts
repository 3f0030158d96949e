/**
 * Search folds case and diacritics, stems English words, widens a name to the other spellings
 * the store knows for its entity, and finds events and conflicts too; an index of an older
 * version is rebuilt when the store is opened for serving, and stays in step with rebuilds.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { storyStore } from '../server/fixture.js';
import { tempDir } from '../helpers/tmp.js';
import { Queries, ensureSearch, MARK_OPEN, MARK_CLOSE } from '../../src/store/queries.js';
import { FTS_TOKENIZE } from '../../src/store/schema.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const page = { limit: 10, offset: 0 };
const marked = (s: string): string[] => [...s.matchAll(new RegExp(`${MARK_OPEN}([^${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g'))].map((m) => m[1]!);

function searchable(): { store: SqliteStore; q: Queries; file: string } {
  const file = join(tempDir(), 'story.db');
  const store = storyStore(file);
  ensureSearch(store.db);
  return { store, q: new Queries(store.db), file };
}

describe('search', () => {
  it('stems: another form of a word finds it, and the form found is highlighted', () => {
    const { store, q } = searchable();
    const r = q.search('postponement', page)!;
    expect(r.statements.items.map((h) => h.item.text)).toEqual(['The summit is postponed until further notice,']);
    expect(marked(r.statements.items[0]!.snippet)).toEqual(['postponed']);
    expect(q.search('agreeing', page)!.statements.total).toBe(2);
    store.close();
  });

  it('folds case and diacritics', () => {
    const { store, q } = searchable();
    expect(q.search('TALLINÓR', page)!.documents.total).toBe(q.search('tallinor', page)!.documents.total);
    expect(q.search('TALLINÓR', page)!.documents.total).toBeGreaterThan(0);
    store.close();
  });

  it("widens a name to every spelling of its entity that the store knows", () => {
    const { store, q } = searchable();
    expect(q.search('krosz', page)!.query).toBe('"krosz"');
    // The ledger learns a second spelling of one person: the next search knows it.
    store.db.prepare(`UPDATE entities SET data = json_set(data, '$.aliases', json('["Kross", "Krosz"]')) WHERE id = 'e-kross'`).run();
    const r = q.search('krosz', page)!;
    // "Anja Kross" holds "Kross": it would find nothing more and is left out.
    expect(r.query).toBe('("krosz" OR "Kross")');
    expect(r.documents.total).toBe(2);
    expect(r.documents.items.flatMap((h) => marked(h.snippet))).toContain('Kross');
    // Every spelling finds the same; with other words, each group is required.
    expect(q.search('Kross', page)!.documents.total).toBe(2);
    const two = q.search('krosz summit', page)!;
    expect(two.query).toBe('("krosz" OR "Kross") AND "summit"');
    expect(two.documents.total).toBe(2);
    // A word that names no entity is searched as written.
    expect(q.search('summit', page)!.query).toBe('"summit"');
    store.close();
  });

  it('finds events by label and participants, and conflicts by their claims', () => {
    const { store, q } = searchable();
    const call = q.search('phone', page)!;
    expect(call.events.items.map((h) => [h.item.id, marked(h.snippet)])).toEqual([['v-call', ['phone']]]);
    expect(q.search('Vale', page)!.events.items.map((h) => h.item.id)).toEqual(['v-summit']);
    const k = q.search('"further notice"', page)!;
    expect(k.conflicts.items.map((h) => [h.item.id, h.item.kind])).toEqual([['k2', 'reversal']]);
    expect(marked(k.conflicts.items[0]!.snippet)).toEqual(['further notice']);
    // A hit is the conflict's row, sources and event label, dated by its second claim, without the evidence its own page has.
    const full = q.conflict('k2')!;
    const { a, b, ...row } = full;
    expect(k.conflicts.items[0]!.item).toEqual({ ...row, date: b.claim!.sortDate });
    expect(a.context).not.toBeNull();
    // Only with scope "all".
    expect(q.search('phone', page, 'documents')!.events.total).toBe(0);
    store.close();
  });

  it('keeps the event and conflict indexes in step when the ledger is rebuilt', () => {
    const { store, file } = searchable();
    store.close();
    // The same story analysed again: the ledger rows are deleted and written anew.
    const again = storyStore(file);
    const q = new Queries(again.db);
    expect(q.search('phone', page)!.events.total).toBe(1);
    expect(q.search('"further notice"', page)!.conflicts.total).toBe(1);
    again.close();
  });

  it('rebuilds an index of the older version (no stemming, no event index) once, at open', () => {
    const file = join(tempDir(), 'old.db');
    const store = storyStore(file);
    store.db.exec(`
      CREATE VIRTUAL TABLE statements_fts USING fts5(text, speaker_text, content='statements', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
      INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
      INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      INSERT OR REPLACE INTO store_meta (key, value) VALUES ('fts_built', '1');`);
    ensureSearch(store.db);
    const sql = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'statements_fts'").pluck().get() as string;
    expect(sql).toContain(FTS_TOKENIZE);
    const q = new Queries(store.db);
    const before = JSON.stringify(q.search('postponement', page));
    expect(q.search('postponement', page)!.statements.total).toBe(1);
    expect(q.search('phone', page)!.events.total).toBe(1);
    // Opening it again changes nothing.
    ensureSearch(store.db);
    expect(JSON.stringify(q.search('postponement', page))).toBe(before);
    store.close();
  });
});
