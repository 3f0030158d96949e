import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore, StoreError } from '../../src/store/sqlite.js';
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import type { Doc } from '../../src/core/types.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { tempDir } from '../helpers/tmp.js';

function doc(id: string, text: string): Doc {
  const meta = { ...emptyMeta('txt'), title: `Title ${id}`, published: { date: '2024-05-06', source: 'header' as const, raw: 'May 6, 2024' } };
  const d = createDoc({ id, source: `${id}.txt`, rawHash: `hash-${id}`, text, meta });
  d.sentences = [{ start: 0, end: text.length, paragraph: 0 }];
  d.tokens = [{ start: 0, end: 3, pos: 'NOUN', lemma: 'abc' }];
  return d;
}

const emptyExport = (): WalkbackExport => ({ schema: 'walkback.export/v1', documents: [], entities: [], statements: [], events: [], claims: [], conflicts: [] });

describe('SqliteStore', () => {
  it('stores documents with their raw input and analysis, and keeps the first copy of an id', () => {
    const file = join(tempDir(), 's.db');
    const store = new SqliteStore(file);
    expect(store.saveDocs([{ doc: doc('d1', 'Alpha said yes.'), raw: Buffer.from('raw one'), textHash: 't1', simhash: '' }])).toBe(1);
    expect(store.saveDocs([{ doc: doc('d1', 'changed'), raw: Buffer.from('raw one'), textHash: 't1', simhash: '' }, { doc: doc('d2', 'Beta said no.'), raw: Buffer.from('raw two'), textHash: 't2', simhash: '' }])).toBe(1);
    const docs = store.loadDocs();
    expect(docs.map((d) => [d.id, d.text, d.meta.title])).toEqual([
      ['d1', 'Alpha said yes.', 'Title d1'],
      ['d2', 'Beta said no.', 'Title d2'],
    ]);
    expect(docs[0]!.sentences).toEqual([{ start: 0, end: 15, paragraph: 0 }]);
    // Tokens are recomputable and not stored.
    expect(docs[0]!.tokens).toEqual([]);
    expect(store.raw('hash-d2')?.toString()).toBe('raw two');
    expect([...store.knownHashes()].sort()).toEqual(['hash-d1', 'hash-d2']);
    store.close();
    // Reopening finds everything again.
    const again = new SqliteStore(file);
    expect(again.counts().documents).toBe(2);
    again.close();
  });

  it('replaces the ledger tables as a whole', () => {
    const store = new SqliteStore(join(tempDir(), 's.db'));
    store.saveDocs([{ doc: doc('d1', 'Alpha said yes.'), raw: Buffer.from('r'), textHash: 't1', simhash: '' }]);
    const exp = emptyExport();
    exp.entities.push({ id: 'e-alpha', name: 'Alpha', aliases: ['Alpha'], type: 'person', roles: [], affiliation: [], side: null });
    exp.events.push({ id: 'v1', type: 'meeting', participants: ['e-alpha'], label: 'Alpha meeting', place: null, time: null, status: 'planned' });
    store.saveLedger(exp);
    store.saveLedger(exp);
    expect(store.counts()).toMatchObject({ documents: 1, entities: 1, events: 1, claims: 0, conflicts: 0 });
    const back = store.loadExport();
    expect(back.entities).toEqual(exp.entities);
    expect(back.documents[0]).toMatchObject({ id: 'd1', source: 'd1.txt', title: 'Title d1', published: '2024-05-06', text: 'Alpha said yes.' });
    store.close();
  });

  it('names the file when it is not a store', () => {
    const file = join(tempDir(), 'not-a-db.db');
    writeFileSync(file, 'this is plain text, not SQLite, and long enough to have a header page'.repeat(20));
    expect(() => new SqliteStore(file)).toThrow(StoreError);
    expect(() => new SqliteStore(file)).toThrow(/not-a-db\.db/);
  });
});
