import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, StoreError } from '../../src/store/sqlite.js';
import { schemaSql, SCHEMA_VERSION } from '../../src/store/schema.js';
import { toStoredAnalysis, toLedgerInput, toDocRow } from '../../src/store/store.js';
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import type { Doc } from '../../src/core/types.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { tempDir } from '../helpers/tmp.js';

function said(d: Doc, id: string, local: string | null): Doc {
  const span = { start: 0, end: d.text.length, rule: 'attribution/test' };
  d.statements.push({ id, span, content: span, cue: null, kind: 'indirect', speaker: { span: null, text: 'Alpha', mention: null, local }, addressee: null, channel: null, date: null, rule: 'attribution/test' });
  return d;
}

function doc(id: string, text: string): Doc {
  const meta = { ...emptyMeta('txt'), title: `Title ${id}`, published: { date: '2024-05-06', source: 'header' as const, raw: 'May 6, 2024' } };
  const d = createDoc({ id, source: `${id}.txt`, rawHash: `hash-${id}`, text, meta });
  d.sentences = [{ start: 0, end: text.length, paragraph: 0 }];
  d.tokens = [{ start: 0, end: 3, pos: 'NOUN' }];
  return d;
}

const emptyExport = (): WalkbackExport => ({ schema: 'walkback.export/v1', documents: [], entities: [], statements: [], events: [], claims: [], conflicts: [] });

describe('SqliteStore', () => {
  it('stores documents with their raw input and analysis, and keeps the first copy of an id', () => {
    const file = join(tempDir(), 's.db');
    const store = new SqliteStore(file);
    expect(store.saveDocs([toDocRow({ doc: doc('d1', 'Alpha said yes.'), raw: Buffer.from('raw one'), textHash: 't1', simhash: '', shingles: '' })])).toBe(1);
    expect(store.saveDocs([toDocRow({ doc: doc('d1', 'changed'), raw: Buffer.from('raw one'), textHash: 't1', simhash: '', shingles: '' }), toDocRow({ doc: doc('d2', 'Beta said no.'), raw: Buffer.from('raw two'), textHash: 't2', simhash: '', shingles: '' })])).toBe(1);
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
    store.saveDocs([toDocRow({ doc: doc('d1', 'Alpha said yes.'), raw: Buffer.from('r'), textHash: 't1', simhash: '', shingles: '' })]);
    const exp = emptyExport();
    exp.entities.push({ id: 'e-alpha', name: 'Alpha', aliases: ['Alpha'], type: 'person', roles: [], affiliation: [], side: null });
    exp.events.push({ id: 'v1', type: 'meeting', participants: ['e-alpha'], label: 'Alpha meeting', place: null, time: null, status: 'planned' });
    store.saveLedger({ ...exp, speakers: [] });
    store.saveLedger({ ...exp, speakers: [] });
    expect(store.counts()).toMatchObject({ documents: 1, entities: 1, events: 1, claims: 0, conflicts: 0 });
    const back = store.loadExport();
    expect(back.entities).toEqual(exp.entities);
    expect(back.documents[0]).toMatchObject({ id: 'd1', source: 'd1.txt', title: 'Title d1', published: '2024-05-06', text: 'Alpha said yes.' });
    store.close();
  });

  it('writes statements once with their document; each rebuild sets their speakers', () => {
    const store = new SqliteStore(join(tempDir(), 's.db'));
    const d1 = said(said(doc('d1', 'Alpha said yes.'), 's1', 'l1'), 's2', null);
    store.saveDocs([toDocRow({ doc: d1, raw: Buffer.from('r1'), textHash: 't1', simhash: '', shingles: '' })]);
    store.saveDocs([toDocRow({ doc: d1, raw: Buffer.from('r1'), textHash: 't1', simhash: '', shingles: '' })]);
    expect(store.loadExport().statements.map((s) => [s.id, s.speaker, s.text])).toEqual([
      ['d1:s1', null, 'Alpha said yes.'],
      ['d1:s2', null, 'Alpha said yes.'],
    ]);
    store.saveLedger({ ...emptyExport(), speakers: [{ document: 'd1', local: 'l1', entity: 'e-alpha' }] });
    expect(store.loadExport().statements.map((s) => s.speaker)).toEqual(['e-alpha', null]);
    // A later rebuild that merges the speaker into another entity moves the statement with it.
    store.saveLedger({ ...emptyExport(), speakers: [{ document: 'd1', local: 'l1', entity: 'e-alpha-2' }] });
    expect(store.loadExport().statements.map((s) => s.speaker)).toEqual(['e-alpha-2', null]);
    store.saveLedger({ ...emptyExport(), speakers: [] });
    expect(store.loadExport().statements.map((s) => s.speaker)).toEqual([null, null]);
    store.close();
  });

  it('migrates a version 1 store: statements keep their speakers and learn their local ones', () => {
    const file = join(tempDir(), 'v1.db');
    const v1 = new Database(file);
    // The version 1 schema: statements name their canonical speaker; no speakers table.
    v1.exec(
      schemaSql
        .replace('speaker_local TEXT,', 'speaker TEXT,')
        .replace(/CREATE TABLE IF NOT EXISTS speakers \([^;]*;/, '')
        .replace(/CREATE INDEX IF NOT EXISTS speakers_entity[^;]*;/, '') + 'CREATE INDEX statements_speaker ON statements(speaker);',
    );
    v1.prepare("INSERT INTO store_meta (key, value) VALUES ('schema_version', '1')").run();
    const d1 = said(doc('d1', 'Alpha said yes.'), 's1', 'l1');
    v1.prepare('INSERT INTO raw_inputs (hash, size, bytes) VALUES (?, ?, ?)').run(d1.rawHash, 1, Buffer.from('r'));
    v1.prepare(
      `INSERT INTO documents (id, seq, source, raw_hash, text_hash, simhash, text, analysis, ledger_input, pipeline_version, added_at)
       VALUES ('d1', 1, 'd1.txt', ?, 't1', '', ?, ?, ?, 'old', 'then')`,
    ).run(d1.rawHash, d1.text, JSON.stringify({ ...toStoredAnalysis(d1), statements: d1.statements }), JSON.stringify(toLedgerInput(d1))); // version 1 kept the statements in the analysis too
    v1.prepare("INSERT INTO statements (id, document, speaker, speaker_text, kind, text, date, data) VALUES ('d1:s1', 'd1', 'e-alpha', 'Alpha', 'indirect', 'Alpha said yes.', NULL, ?)").run(JSON.stringify({ id: 'd1:s1', speaker: 'e-alpha', text: 'Alpha said yes.' }));
    v1.close();

    const store = new SqliteStore(file);
    expect(store.loadExport().statements.map((s) => [s.id, s.speaker])).toEqual([['d1:s1', 'e-alpha']]);
    expect(store.db.prepare('SELECT document, local, entity FROM speakers').all()).toEqual([{ document: 'd1', local: 'l1', entity: 'e-alpha' }]);
    expect(store.db.prepare("SELECT value FROM store_meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SCHEMA_VERSION));
    // The ledger now names speakers: a rebuild that merges the entity moves the statement along.
    store.saveLedger({ ...emptyExport(), speakers: [{ document: 'd1', local: 'l1', entity: 'e-alpha-2' }] });
    expect(store.loadExport().statements.map((s) => s.speaker)).toEqual(['e-alpha-2']);
    store.close();
  });

  it('keeps the text and the analysis deflated, the analysis without mentions and time expressions, and reads a store that kept them as text the same', () => {
    const sentence = 'The Lind ferry board said on Monday that the crossing would resume. ';
    const text = sentence.repeat(40);
    const analysed = (): Doc => {
      const d = said(doc('d1', text), 's1', 'l1');
      d.sentences = Array.from({ length: 40 }, (_, i) => ({ start: i * sentence.length, end: (i + 1) * sentence.length - 1, paragraph: 0 }));
      d.mentions = [{ id: 'm1', span: { start: 4, end: 8, rule: 'mentions/name' }, kind: 'name', type: 'place', key: 'lind', roles: [], affiliation: null, local: null, name: 'Lind', gender: null, plural: false }];
      d.timexes = [{ span: { start: 29, end: 35, rule: 'time/chrono' }, text: 'Monday', type: 'DATE', value: '2024-05-06', anchor: null, granularity: 'day' } as unknown as Doc['timexes'][number]];
      return d;
    };
    const packed = new SqliteStore(join(tempDir(), 'packed.db'));
    packed.saveDocs([toDocRow({ doc: analysed(), raw: Buffer.from('raw'), textHash: 't1', simhash: '', shingles: '' })]);
    const stored = packed.db.prepare('SELECT analysis, ledger_input FROM documents').get() as { analysis: Buffer; ledger_input: Buffer };
    const json = JSON.stringify(toStoredAnalysis(analysed()));
    expect(json).not.toContain('"mentions"');
    expect(json).not.toContain('"timexes"');
    // The statements are in their table alone.
    expect(json).not.toContain('"statements"');
    expect(packed.db.prepare('SELECT COUNT(*) FROM statements').pluck().get()).toBe(analysed().statements.length);
    expect(Buffer.isBuffer(stored.analysis) && Buffer.isBuffer(stored.ledger_input)).toBe(true);
    expect(stored.analysis.length).toBeLessThan(json.length / 2);
    // The text too: deflated, and read back as it was.
    const storedText = packed.db.prepare('SELECT text FROM documents').pluck().get() as Buffer;
    expect(Buffer.isBuffer(storedText) && storedText.length < text.length / 2).toBe(true);
    expect(packed.loadDocs()[0]!.text).toBe(text);
    expect(packed.loadDocs()[0]).toMatchObject({ mentions: [], timexes: [], statements: [], sentences: analysed().sentences });

    // Written before: JSON text, the mentions, time expressions and statements in it, and each part naming its document.
    const plain = new SqliteStore(join(tempDir(), 'plain.db'));
    const d1 = analysed();
    plain.saveDocs([toDocRow({ doc: d1, raw: Buffer.from('raw'), textHash: 't1', simhash: '', shingles: '' })]);
    const keys = { id: d1.id, source: d1.source, rawHash: d1.rawHash };
    expect(Object.keys(toStoredAnalysis(d1))).not.toContain('rawHash');
    expect(Object.keys(toLedgerInput(d1))).not.toContain('source');
    plain.db
      .prepare('UPDATE documents SET text = ?, analysis = ?, ledger_input = ?')
      .run(text, JSON.stringify({ ...keys, ...toStoredAnalysis(d1), mentions: d1.mentions, timexes: d1.timexes, statements: d1.statements }), JSON.stringify({ ...keys, ...toLedgerInput(d1) }));
    expect(plain.loadDocs()).toEqual(packed.loadDocs());
    expect(plain.loadLedgerInputs()).toEqual(packed.loadLedgerInputs());
    expect(plain.loadExport()).toEqual(packed.loadExport());
    packed.close();
    plain.close();
  });

  it('writes a new store in 32 KB pages and leaves an existing store its own page size', () => {
    const fresh = join(tempDir(), 'fresh.db');
    const store = new SqliteStore(fresh);
    expect(store.db.pragma('page_size', { simple: true })).toBe(32768);
    store.close();
    const old = join(tempDir(), 'old.db');
    const db = new Database(old);
    db.exec(schemaSql);
    db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    db.close();
    const reopened = new SqliteStore(old);
    expect(reopened.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.saveDocs([toDocRow({ doc: doc('d1', 'Alpha said yes.'), raw: Buffer.from('raw'), textHash: 't', simhash: '', shingles: '' })])).toBe(1);
    reopened.close();
  });

  it('names the file when it is not a store', () => {
    const file = join(tempDir(), 'not-a-db.db');
    writeFileSync(file, 'this is plain text, not SQLite, and long enough to have a header page'.repeat(20));
    expect(() => new SqliteStore(file)).toThrow(StoreError);
    expect(() => new SqliteStore(file)).toThrow(/not-a-db\.db/);
  });
});
