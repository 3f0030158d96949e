import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { statementData, statementOfRow, type StatementDbRow } from '../../src/store/statement-row.js';
import { claimData, claimOfRow, claimStored, spanTextsOf, eventData, eventOfRow, type ClaimDbRow, type EventDbRow } from '../../src/store/ledger-rows.js';
import { dateKey, toDocRow, type SpeakerRow } from '../../src/store/store.js';
import type { StatementCore } from '../../src/report/export.js';
import type { ClaimRow, EventRow } from '../../src/core/rows.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { ensureSearch, searchReady, Queries } from '../../src/store/queries.js';
import { copySignatures, shingleSample } from '../../src/clean/duplicates.js';
import { packShingles, unpackShingles } from '../../src/store/packed.js';
import { story, storyStore } from '../server/fixture.js';
import { tempDir } from '../helpers/tmp.js';

const rule = 'attribution/speaker-verb-content';
const statement = (over: Partial<StatementCore>): StatementCore => ({
  id: 'd1:s1',
  document: 'd1',
  speaker: 'e-lind',
  speakerText: 'Mayor Lind',
  kind: 'indirect',
  text: 'the ferry would resume',
  cue: 'said',
  addressee: null,
  date: '2025-03-10',
  span: { start: 0, end: 40, rule },
  content: { start: 18, end: 40, rule },
  rule,
  ...over,
});

/** A statement as written to its row and read back. */
const roundTrip = (st: StatementCore): { data: string; read: StatementCore } => {
  const data = statementData(st);
  const row: StatementDbRow = { id: st.id, document: st.document, speakerText: st.speakerText, kind: st.kind, text: st.text, date: dateKey(st.date), data, speaker: st.speaker, rule: st.rule };
  return { data, read: statementOfRow(row) };
};

describe('a statement row', () => {
  it.each([
    ['a day', statement({})],
    ['an interval', statement({ date: { start: '2025-03-01', end: '2025-03-31', granularity: 'month', timex: '2025-03', implied: false } })],
    ['no date, cue or speaker', statement({ date: null, cue: null, speaker: null })],
    ['an addressee and no cue', statement({ cue: null, addressee: 'the council' })],
    ['an interval and no cue or addressee', statement({ cue: null, date: { start: '2025-03-01', end: null, granularity: 'week', timex: '2025-W10', implied: true } })],
    ['an addressee, and spans found by other rules', statement({ addressee: 'reporters', span: { start: 0, end: 40, rule: 'attribution/quote' }, content: { start: 1, end: 30, rule: 'attribution/quote-inner' } })],
  ])('reads back as written: %s', (_name, st) => {
    const { data, read } = roundTrip(st);
    expect(read).toEqual(st);
    // Key for key, in the export's order.
    expect(JSON.stringify(read)).toBe(JSON.stringify(st));
    // The rule is the row's `rule` column (rule-names.ts), not in its data.
    expect(data).not.toContain(rule);
  });

  it('reads a row written before, its rule named in its data, the same', () => {
    const st = statement({ addressee: 'reporters' });
    const inline = JSON.stringify([[0, 40], [18, 40], rule, 'said', 'reporters']);
    const row: StatementDbRow = { id: st.id, document: st.document, speakerText: st.speakerText, kind: st.kind, text: st.text, date: dateKey(st.date), data: inline, speaker: st.speaker, rule: null };
    expect(JSON.stringify(statementOfRow(row))).toBe(JSON.stringify(st));
  });

  it('keeps a third of the bytes the object did, and reads a row written before the same', () => {
    const st = statement({});
    const before = JSON.stringify({ cue: st.cue, addressee: st.addressee, date: st.date, span: st.span, content: st.content, rule: st.rule });
    expect(statementData(st).length).toBeLessThan(before.length / 2);
    const row: StatementDbRow = { id: st.id, document: st.document, speakerText: st.speakerText, kind: st.kind, text: st.text, date: dateKey(st.date), data: before, speaker: st.speaker, rule: null };
    expect(JSON.stringify(statementOfRow(row))).toBe(JSON.stringify(st));
    // And an object of span cells, as written before the list of cells.
    const cells = JSON.stringify({ cue: st.cue, span: [0, 40], content: [18, 40], rule: st.rule });
    expect(JSON.stringify(statementOfRow({ ...row, data: cells }))).toBe(JSON.stringify(st));
    expect(statementData(st).length).toBeLessThan(cells.length);
  });
});

describe("a claim row's data", () => {
  const claim: ClaimRow = {
    id: 'd1:cl1', event: 'ev-1', document: 'd1', source: 'e-lind', sourceText: 'Lind', status: 'agreed', modality: 'asserted', text: 'the ferry deal was agreed', statement: 'd1:s1',
    date: '2025-03-10', copyOf: null, span: { start: 5, end: 30, rule: 'events/trigger' }, rule: 'events/trigger',
    url: 'https://news.example/lind-ferry', outlet: 'Harbor Post', authors: ['Ada Brix'], published: '2025-03-11',
  };

  const stored = (c: ClaimRow): ClaimDbRow => ({ id: c.id, event: c.event, document: c.document, source: c.source, status: c.status, date: dateKey(c.date), ...claimStored(c) });
  const withSource = (c: ClaimRow): ClaimRow => {
    const { url, outlet, authors, published } = claim;
    return { ...c, url, outlet, authors, published };
  };

  it('keeps a fifth of the bytes, and reads back key for key once a reader appends where it was published', () => {
    const data = claimData(claim);
    expect(JSON.parse(data)).toBeInstanceOf(Array);
    expect(data.length).toBeLessThan(JSON.stringify(claim).length / 5);
    // Its rule is the `rule` column; its statement, of its own document, the id within it.
    for (const k of ['"id"', '"url"', '"document"', '"agreed"', '"2025-03-10"', 'events/trigger', '"d1:s1"', '"s1"']) expect(data.includes(k)).toBe(k === '"s1"');
    expect(claimStored(claim).rule).toBe('events/trigger');
    expect(JSON.stringify(withSource(claimOfRow(stored(claim))))).toBe(JSON.stringify(claim));
    const { url: _u, outlet: _o, authors: _a, published: _p, ...bare } = claim;
    expect(JSON.stringify(claimOfRow(stored(claim)))).toBe(JSON.stringify(bare));
  });

  it.each([
    ['an interval for its date', { ...claim, date: { start: '2025-03-01', end: '2025-03-31', granularity: 'month', timex: '2025-03', implied: false } }],
    ['no date, source or statement', { ...claim, date: null, source: null, sourceText: null, statement: null }],
    ['a copy', { ...claim, copyOf: 'd0:cl4' }],
    ['an actor', (({ url, outlet, authors, published, ...c }) => ({ ...c, actor: 'e-moor', url, outlet, authors, published }))(claim)],
    ['an actor of none', (({ url, outlet, authors, published, ...c }) => ({ ...c, actor: null, url, outlet, authors, published }))(claim)],
  ])('is a list of cells, and reads back key for key: %s', (_name, c: ClaimRow) => {
    expect(JSON.parse(claimData(c))).toBeInstanceOf(Array);
    expect(JSON.stringify(withSource(claimOfRow(stored(c))))).toBe(JSON.stringify(c));
  });

  it('is an object less its columns in another order of its fields, and reads back key for key', () => {
    const { url, outlet, authors, published, rule: r, span, ...head } = claim;
    const c = { ...head, rule: r, span, url, outlet, authors, published } as ClaimRow;
    const data = claimData(c);
    expect(JSON.parse(data)).not.toBeInstanceOf(Array);
    expect(data).not.toContain('"id"');
    expect(JSON.stringify(withSource(claimOfRow(stored(c))))).toBe(JSON.stringify(c));
  });

  it.each([
    ["an editor's marks after where it was published", { ...claim, corrected: true as const }],
    ['a span found by another rule', { ...claim, span: { start: 5, end: 30, rule: 'events/cue' } }],
  ])('is the whole row in another shape, and reads back as it is: %s', (_name, c) => {
    expect(claimData(c)).toBe(JSON.stringify(c));
    expect(claimOfRow(stored(c))).toEqual(c);
  });

  it.each([
    ['of another document', 'd0:s3'],
    ['whose id within its document has a colon', 'd1:s:2'],
  ])('keeps a statement %s whole', (_name, id) => {
    const c = { ...claim, statement: id };
    expect(JSON.parse(claimData(c))[3]).toBe(id);
    expect(JSON.stringify(withSource(claimOfRow(stored(c))))).toBe(JSON.stringify(c));
  });

  it('keeps a row whose statement id has no colon (a cell would read as an id within the document) as an object', () => {
    const c = { ...claim, statement: 's1' };
    expect(JSON.parse(claimData(c))).not.toBeInstanceOf(Array);
    expect(JSON.stringify(withSource(claimOfRow(stored(c))))).toBe(JSON.stringify(c));
  });

  it('reads a row of cells written before, its rule and statement named whole, the same', () => {
    const before = JSON.stringify([claim.sourceText, claim.modality, claim.text, claim.statement, 5, 30, claim.rule, null, 0]);
    expect(JSON.stringify(withSource(claimOfRow({ ...stored(claim), data: before, rule: null })))).toBe(JSON.stringify(claim));
  });

  it('keeps no copy of a text that is its span of its document (0 in its cells), read back from the document', () => {
    const marked = { ...claim };
    spanTextsOf([marked], () => `Then ${claim.text}, she said.`);
    expect(JSON.parse(claimData(marked))[2]).toBe(0);
    // The reader gives the span's words (claimSpanTextSql) in the row's `text`.
    expect(JSON.stringify(withSource(claimOfRow({ ...stored(marked), text: claim.text })))).toBe(JSON.stringify(claim));
    // A text that is not its span (or of a document not known) is kept.
    const other = { ...claim };
    spanTextsOf([other], (id) => (id === 'd1' ? `Then ${claim.text.toUpperCase()}, she said.` : undefined));
    expect(JSON.parse(claimData(other))[2]).toBe(claim.text);
  });

  it('reads a row written whole before the same', () => {
    expect(JSON.stringify(withSource(claimOfRow({ ...stored(claim), data: JSON.stringify(claim) })))).toBe(JSON.stringify(claim));
  });

  it('reads a row written as an object less its columns before the same', () => {
    const before = JSON.stringify({ sourceText: claim.sourceText, status: claim.status, modality: claim.modality, text: claim.text, statement: claim.statement, date: claim.date, copyOf: claim.copyOf, span: [5, 30], rule: claim.rule });
    expect(JSON.stringify(withSource(claimOfRow({ ...stored(claim), data: before })))).toBe(JSON.stringify(claim));
  });
});

/** The story's store, its ledger written again with where three event mentions went (the fixture writes none). */
function storyWithMentions(file: string): SqliteStore {
  const store = storyStore(file);
  const exp = store.loadExport();
  const speakers = store.db.prepare('SELECT document, local, entity FROM speakers').all() as SpeakerRow[];
  const mentions = [
    { document: 'doc-a', mention: 'em1', event: 'v-summit' },
    { document: 'doc-a', mention: 'em3', event: 'v-summit' },
    { document: 'doc-c', mention: 'em2', event: 'v-call' },
  ];
  store.saveLedger({ ...exp, speakers, mentions });
  return store;
}

/** event_mentions a row for each mention (as version 3 kept it). */
const eachMention = 'SELECT m.document, j.value AS mention, m.event FROM event_mentions m, json_each(m.mentions) j';

describe('a version 2 store', () => {
  it('opens as version 3: pair-keyed tables without rowid, the index by document alone dropped, every row and the export kept', () => {
    const file = join(tempDir(), 'v2.db');
    const store = storyWithMentions(file);
    ensureSearch(store.db);
    const exported = JSON.stringify(store.loadExport());
    store.close();
    // Back to version 2: the pair-keyed tables with a rowid and an index beside them, the index by document.
    const db = new Database(file);
    db.transaction(() => {
      for (const [table, key, columns, from] of [
        ['speakers', 'document, local', 'document, local, entity', 'SELECT document, local, entity FROM speakers'],
        // A row for each mention then (version 4 groups a document's mentions of an event).
        ['event_mentions', 'document, mention', 'document, mention, event', eachMention],
      ] as const) {
        db.exec(`CREATE TABLE ${table}_old (${columns.split(', ').map((c) => `${c} TEXT NOT NULL`).join(', ')}, PRIMARY KEY (${key}));
          INSERT INTO ${table}_old ${from}; DROP TABLE ${table}; ALTER TABLE ${table}_old RENAME TO ${table}`);
      }
      db.exec('CREATE INDEX speakers_entity ON speakers(entity); CREATE INDEX event_mentions_event ON event_mentions(event); CREATE INDEX statements_document ON statements(document)');
      db.exec("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'");
    })();
    const rowid = (t: string): boolean => !/WITHOUT ROWID/i.test(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string);
    expect(rowid('speakers') && rowid('event_mentions')).toBe(true);
    const speakers = db.prepare('SELECT * FROM speakers ORDER BY document, local').all();
    const mentions = db.prepare('SELECT * FROM event_mentions ORDER BY document, mention').all();
    expect(mentions.length).toBeGreaterThan(0);
    expect(speakers.length).toBeGreaterThan(0);
    db.close();

    const migrated = new SqliteStore(file);
    const m = migrated.db;
    expect(m.prepare("SELECT value FROM store_meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SCHEMA_VERSION));
    for (const t of ['speakers', 'event_mentions']) expect(m.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t)).toMatch(/WITHOUT ROWID/i);
    expect(m.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('statements_document', 'speakers_entity', 'event_mentions_event') ORDER BY name").pluck().all()).toEqual(['event_mentions_event', 'speakers_entity']);
    expect(m.prepare('SELECT * FROM speakers ORDER BY document, local').all()).toEqual(speakers);
    expect(m.prepare(`${eachMention} ORDER BY document, mention`).all()).toEqual(mentions);
    expect(JSON.stringify(migrated.loadExport())).toBe(exported);
    // The search index read the documents' text from their table: dropped, to be made again, contentless, when served.
    expect(searchReady(m)).toBe(false);
    ensureSearch(m);
    expect(m.prepare("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'summit'").pluck().get()).toBeGreaterThan(0);
    expect(m.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").pluck().get()).toMatch(/content=''/);
    migrated.close();
    // Opened again: nothing left to migrate.
    const again = new SqliteStore(file, { readOnly: true });
    expect(JSON.stringify(again.loadExport())).toBe(exported);
    again.close();
  });
});

describe('a version 3 store', () => {
  it('opens as version 4: statements and claims gain the rule column, their rows written before read the same, the next ledger write numbers the claims; event mentions are grouped by document and event', () => {
    const file = join(tempDir(), 'v3.db');
    const store = storyWithMentions(file);
    const exported = JSON.stringify(store.loadExport());
    const exp = store.loadExport();
    const grouped = store.db.prepare('SELECT * FROM event_mentions ORDER BY document, event').all();
    expect(grouped).toEqual([
      { document: 'doc-a', event: 'v-summit', mentions: '["em1","em3"]' },
      { document: 'doc-c', event: 'v-call', mentions: '["em2"]' },
    ]);
    store.close();
    // Back to version 3: each row names its rule (and a claim its statement) in its data, no rule column, no table of names.
    const db = new Database(file);
    db.transaction(() => {
      const named = db.prepare('SELECT s.id, s.data, r.name FROM statements s JOIN rule_names r ON r.code = s.rule').all() as Array<{ id: string; data: string; name: string }>;
      expect(named.length).toBeGreaterThan(0);
      const setStatement = db.prepare('UPDATE statements SET data = ? WHERE id = ?');
      for (const r of named) setStatement.run(JSON.stringify((JSON.parse(r.data) as unknown[]).map((c, i) => (i === 2 ? r.name : c))), r.id);
      const setClaim = db.prepare('UPDATE claims SET data = ?, digest = NULL WHERE id = ?');
      for (const c of exp.claims) {
        const cells = JSON.parse(db.prepare('SELECT data FROM claims WHERE id = ?').pluck().get(c.id) as string) as unknown[];
        expect(cells[6]).toBe(0);
        // Its digest was of those values (of none here: a row whose digest is not known is written again too).
        setClaim.run(JSON.stringify(cells.map((v, i) => (i === 6 ? c.rule : i === 3 ? c.statement : v))), c.id);
      }
      db.exec("ALTER TABLE statements DROP COLUMN rule; ALTER TABLE claims DROP COLUMN rule; DROP TABLE rule_names; UPDATE store_meta SET value = '3' WHERE key = 'schema_version'");
      db.exec(`CREATE TABLE event_mentions_v3 (document TEXT NOT NULL, mention TEXT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (document, mention)) WITHOUT ROWID;
        INSERT INTO event_mentions_v3 ${eachMention}; DROP TABLE event_mentions; ALTER TABLE event_mentions_v3 RENAME TO event_mentions; CREATE INDEX event_mentions_event ON event_mentions(event)`);
    })();
    db.close();
    // Read-only, a version 3 store cannot be read: it needs the columns.
    expect(() => new SqliteStore(file, { readOnly: true })).toThrow(/store schema 3 cannot be read without write access/);

    const migrated = new SqliteStore(file);
    const m = migrated.db;
    expect(m.prepare("SELECT value FROM store_meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SCHEMA_VERSION));
    for (const t of ['statements', 'claims']) expect((m.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name)).toContain('rule');
    expect(m.prepare('SELECT COUNT(*) FROM claims WHERE rule IS NOT NULL').pluck().get()).toBe(0);
    // A row for each document and event its mentions went to, as a store made now has them.
    expect(m.prepare('SELECT * FROM event_mentions ORDER BY document, event').all()).toEqual(grouped);
    expect(JSON.stringify(migrated.loadExport())).toBe(exported);
    // The next ledger write (the same rows) writes every claim anew, its rule numbered: the export unchanged.
    migrated.saveLedger({ ...exp, speakers: m.prepare('SELECT document, local, entity FROM speakers').all() as SpeakerRow[] });
    expect(m.prepare('SELECT COUNT(*) FROM claims WHERE rule IS NULL').pluck().get()).toBe(0);
    expect(JSON.stringify(migrated.loadExport())).toBe(exported);
    migrated.close();
  });
});

describe("a statement's text", () => {
  it('is read from its document when it is its content span (an empty blob kept), and kept when it is not', () => {
    const { docs } = story();
    const rows = docs.map((doc) => toDocRow({ doc, raw: Buffer.from(doc.text), ...copySignatures(doc.text) }));
    // Every statement the stages make is its content span; a row made otherwise keeps its text.
    expect(rows.flatMap((r) => r.statements.map((st) => st.spanText))).toEqual([true, true, true]);
    const tidied = rows[1]!.statements[0]!;
    Object.assign(tidied, { text: tidied.text.replace(', and', ' and'), spanText: false });
    const store = new SqliteStore(join(tempDir(), 'texts.db'));
    store.saveDocs(rows);
    const kinds = store.db.prepare('SELECT id, typeof(text) AS kind FROM statements ORDER BY id').all();
    expect(kinds).toEqual([
      { id: 'doc-a:s1', kind: 'blob' },
      { id: 'doc-b:s1', kind: 'text' },
      { id: 'doc-c:s1', kind: 'blob' },
    ]);
    const texts = (list: Array<{ id: string; text: string }>): Record<string, string> => Object.fromEntries(list.map((st) => [st.id, st.text]));
    const want = Object.fromEntries(rows.flatMap((r) => r.statements.map((st) => [st.id, st.text])));
    expect(want['doc-b:s1']).toBe('Nothing has been agreed and no date is set,');
    expect(want['doc-a:s1']).toBe('We have agreed to meet in Tallinor in April,');
    // The export, the API's list and detail, and search read the same words.
    expect(texts(store.loadExport().statements)).toEqual(want);
    const queries = new Queries(store.db);
    expect(texts(queries.statements({ limit: 10, offset: 0 }).items)).toEqual(want);
    expect(queries.statement('doc-a:s1')?.text).toBe(want['doc-a:s1']);
    ensureSearch(store.db);
    expect(queries.search('Tallinor April', { limit: 10, offset: 0 }, 'statements')?.statements.items.map((h) => h.item.id)).toEqual(['doc-a:s1']);
    expect(queries.search('agreed date', { limit: 10, offset: 0 }, 'statements')?.statements.items.map((h) => h.item.id)).toEqual(['doc-b:s1']);
    store.close();
  });
});

describe('a containment sample', () => {
  it('is kept as varint distances, half the bytes, and read back as it was', () => {
    // Four hundred words, none twice: about one shingle in eight is sampled.
    const sample = shingleSample(Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}`).join(' '));
    expect(sample.split(' ').length).toBeGreaterThan(20);
    const packed = packShingles(sample);
    expect(packed.length).toBeLessThan(sample.length * 0.7);
    expect(unpackShingles(packed)).toBe(sample);
    // Numbers far apart and next to each other, none, and a sample stored as text before.
    for (const s of [[0, 1, 127, 128, 16383, 16384, 2 ** 32 - 1].map((x) => x.toString(36)).join(' '), '']) expect(unpackShingles(packShingles(s))).toBe(s);
    expect(unpackShingles(sample)).toBe(sample);
    expect(unpackShingles(null)).toBe('');
  });
});

describe("an event row's data", () => {
  const event: EventRow = { id: 'ev-1', type: 'meeting', participants: ['e-lind', 'e-moor'], label: 'meeting: Lind – Moor', place: 'Brackwater', time: '2025-03-10', status: 'planned' };
  const stored = (v: EventRow): EventDbRow => ({ id: v.id, type: v.type, label: v.label, status: v.status, data: eventData(v) });

  it.each([
    ['a day', event],
    ['an interval, no place, no status', { ...event, place: null, status: null, time: { start: '2025-03-01', end: '2025-03-31', granularity: 'month', timex: '2025-03', implied: false } }],
    ['no participants', { ...event, participants: [] }],
  ])('keeps only what its columns do not, and reads back key for key: %s', (_name, v) => {
    const data = eventData(v as EventRow);
    expect(JSON.parse(data)).toBeInstanceOf(Array);
    for (const k of ['"ev-1"', '"meeting"', 'meeting: Lind', '"label"']) expect(data).not.toContain(k);
    expect(JSON.stringify(eventOfRow(stored(v as EventRow)))).toBe(JSON.stringify(v));
  });

  it("is the whole row in another shape (an editor's marks), and a row written whole before reads the same", () => {
    const marked = { ...event, corrected: true } as EventRow;
    expect(eventData(marked)).toBe(JSON.stringify(marked));
    expect(eventOfRow(stored(marked))).toEqual(marked);
    expect(JSON.stringify(eventOfRow({ ...stored(event), data: JSON.stringify(event) }))).toBe(JSON.stringify(event));
  });
});
