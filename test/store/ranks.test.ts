import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite.js';
import { Queries } from '../../src/store/queries.js';
import { storyStore } from '../server/fixture.js';
import { tempDir } from '../helpers/tmp.js';

describe('the counts and orders the API lists read', () => {
  it('follow a write by another connection: an entity added shows in the list, the stats and the counts', () => {
    const file = join(tempDir(), 'ranks.db');
    const writer = storyStore(file);
    const reader = new Database(file, { readonly: true });
    const q = new Queries(reader);
    const before = q.entities({ limit: 50, offset: 0 });
    expect(q.stats().entities).toBe(before.total);
    const exp = writer.loadExport();
    exp.entities.push({ id: 'e-brix', name: 'Brix Capital', aliases: [], type: 'org', roles: [], affiliation: [], side: null });
    writer.saveLedger({ ...exp, speakers: writer.db.prepare('SELECT document, local, entity FROM speakers').all() as Array<{ document: string; local: string; entity: string }> });
    const after = q.entities({ limit: 50, offset: 0 });
    expect(after.total).toBe(before.total + 1);
    expect(q.stats().entities).toBe(before.total + 1);
    // No statements and no claims: last, after every entity that has any.
    expect(after.items.at(-1)).toMatchObject({ id: 'e-brix', statements: 0, claims: 0 });
    expect(after.items.slice(0, -1)).toEqual(before.items);
    reader.close();
    writer.close();
  });

  it('lists statements in the same order from the stored order columns as computed, and a store written before gains them', () => {
    const file = join(tempDir(), 'order.db');
    storyStore(file).close();
    const listed = (): string[] => {
      const db = new Database(file, { readonly: true });
      const ids = new Queries(db).statements({ limit: 50, offset: 0 }).items.map((s) => s.id);
      db.close();
      return ids;
    };
    const withColumns = listed();
    expect(withColumns.length).toBeGreaterThan(1);
    // As a store written before the columns: the list is computed, and reads the same.
    const old = new Database(file);
    old.exec('DROP INDEX statements_by_date; ALTER TABLE statements DROP COLUMN sort_date; ALTER TABLE statements DROP COLUMN doc_seq');
    old.close();
    expect(listed()).toEqual(withColumns);
    // Opened for writing, it gains them again, filled.
    new SqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM statements WHERE doc_seq IS NULL').pluck().get()).toBe(0);
    db.close();
    expect(listed()).toEqual(withColumns);
  });

  it("pages a speaker's statements as the whole list in order, filtered to them, at every offset, and follows a change of speaker", () => {
    const file = join(tempDir(), 'speakers.db');
    const writer = storyStore(file);
    const reader = new Database(file, { readonly: true });
    const q = new Queries(reader);
    const all = q.statements({ limit: 1000, offset: 0 }).items;
    const speakers = [...new Set(all.flatMap((s) => (s.speaker ? [s.speaker] : [])))];
    expect(speakers.length).toBeGreaterThan(1);
    // Every page of the speaker's list, each page's total checked against `of` (their statements).
    const pages = (speaker: string, limit: number, of: number): string[] => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += limit) {
        const page = q.statements({ limit, offset }, { speaker });
        expect(page.total).toBe(of);
        ids.push(...page.items.map((s) => s.id));
        if (page.items.length < limit) return ids;
      }
    };
    for (const speaker of speakers) {
      const theirs = all.filter((s) => s.speaker === speaker).map((s) => s.id);
      for (const limit of [1, 2, 50]) expect(pages(speaker, limit, theirs.length)).toEqual(theirs);
    }
    // Every statement of the first speaker given to the second: the lists follow.
    const [from, to] = [speakers[0]!, speakers[1]!];
    writer.db.prepare('UPDATE speakers SET entity = ? WHERE entity = ?').run(to, from);
    expect(q.statements({ limit: 50, offset: 0 }, { speaker: from }).items).toEqual([]);
    const moved = q.statements({ limit: 1000, offset: 0 }).items.filter((s) => s.speaker === to).map((s) => s.id);
    expect(moved.length).toBe(all.filter((s) => s.speaker === from || s.speaker === to).length);
    expect(pages(to, 2, moved.length)).toEqual(moved);
    reader.close();
    writer.close();
  });
});
