import { ruleNamesSchemaSql } from './rule-names.js';
import { statementTextSql } from './statement-row.js';
import { claimSpanTextSql, eventParticipantsPath, eventPlaceSql } from './ledger-rows.js';

/**
 * The store's schema, in the SQL that SQLite and PostgreSQL share. Documents keep their raw
 * input (content-addressed, verbatim), their per-document analysis and their statements,
 * written once with the document; the ledger tables (entities, which entity each statement's
 * speaker is, events, claims, conflicts) are rebuilt from the documents after every analyze,
 * in one transaction, so they never drift.
 *
 * Version 2: statements are written with their document and name their speaker by the
 * document's local entity (`speaker_local`); the ledger's `speakers` table says which canonical
 * entity that is, so a rebuild rewrites no statement. `statements.data` holds the export's
 * fields that have no column (cue, addressee, date, spans, rule). `shingles` is the copy
 * sample of clean/duplicates.ts (added later: a store without it gets the column when opened
 * for writing, filled from the text at the next ledger rebuild). A version 1 store (statements rewritten
 * by every rebuild, with a `speaker` column) is migrated when opened.
 *
 * Version 3: the tables keyed by a pair (speakers, and redirects.ts event_mentions) are
 * WITHOUT ROWID, their key the table itself rather than an index beside it, and the index of
 * statements by document alone is gone (statements_speaker_local starts with the document).
 * A version 2 store is migrated when opened for writing (sqlite.ts migrateFrom2).
 *
 * Version 4: statements and claims name their rule by number (`rule`, into `rule_names`:
 * rule-names.ts) instead of in their data, and event_mentions keeps a row for each document and
 * event (redirects.ts). A version 3 store gains the column and the table, and its mentions are
 * grouped, when opened for writing (sqlite.ts migrateFrom3); its rows keep the name in their
 * data, and read the same. docs/store.md lists every shape.
 */
export const SCHEMA_VERSION = 4;

/** The tables version 3 made WITHOUT ROWID, each with the indexes made with it (dropped and made again by the migration). */
export const withoutRowidTables = [
  { table: 'speakers', columns: 'document, local, entity', indexes: ['speakers_entity'] },
  { table: 'event_mentions', columns: 'document, mention, event', indexes: ['event_mentions_event'] },
] as const;

export const schemaSql = `
${ruleNamesSchemaSql};
CREATE TABLE IF NOT EXISTS store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS raw_inputs (
  hash TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  source TEXT NOT NULL,
  raw_hash TEXT NOT NULL REFERENCES raw_inputs(hash),
  title TEXT,
  published TEXT,
  outlet TEXT,
  language TEXT,
  duplicate_of TEXT,
  text_hash TEXT NOT NULL,
  simhash TEXT NOT NULL,
  shingles TEXT,
  text TEXT NOT NULL,
  analysis TEXT NOT NULL,
  ledger_input TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_raw ON documents(raw_hash);
CREATE UNIQUE INDEX IF NOT EXISTS documents_seq ON documents(seq);
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  side TEXT,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statements (
  id TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  speaker_local TEXT,
  speaker_text TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  date TEXT,
  data TEXT NOT NULL,
  sort_date TEXT,
  doc_seq INTEGER,
  rule INTEGER
);
CREATE TABLE IF NOT EXISTS speakers (
  document TEXT NOT NULL,
  local TEXT NOT NULL,
  entity TEXT NOT NULL,
  PRIMARY KEY (document, local)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speakers_entity ON speakers(entity);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  label TEXT NOT NULL,
  status TEXT,
  last_date TEXT,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  document TEXT NOT NULL,
  source TEXT,
  status TEXT NOT NULL,
  date TEXT,
  data TEXT NOT NULL,
  rule INTEGER
);
CREATE INDEX IF NOT EXISTS claims_event ON claims(event);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document);
CREATE TABLE IF NOT EXISTS conflicts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  event TEXT NOT NULL,
  claim_a TEXT NOT NULL,
  claim_b TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conflicts_event ON conflicts(event);
`;

/** Indexes made at every writable open: on columns a version 1 store gains only when migrated, and the language (the not-analysed count of /api/stats reads it off the index). */
export const openIndexSql = `
CREATE INDEX IF NOT EXISTS statements_speaker_local ON statements(document, speaker_local);
CREATE INDEX IF NOT EXISTS documents_language ON documents(language);
`;

/**
 * The order statements are listed in (the API): by date (the statement's, else its document's
 * publication date; undated last), then document, then as written. Kept in columns written
 * with the statement (a store written before gains them when opened for writing), so that a
 * page of the list is read off an index, not sorted from every statement.
 */
export const statementOrderColumns = ['sort_date', 'doc_seq'] as const;
export const statementOrder = 's.sort_date IS NULL, s.sort_date, s.doc_seq, s.rowid';
export const statementOrderSql = `
UPDATE statements SET sort_date = COALESCE(date, (SELECT published FROM documents d WHERE d.id = statements.document)),
  doc_seq = (SELECT seq FROM documents d WHERE d.id = statements.document);
`;
export const statementOrderIndexSql = 'CREATE INDEX IF NOT EXISTS statements_by_date ON statements(sort_date IS NULL, sort_date, doc_seq)';

/**
 * A statement row with its speaker: the canonical entity of its document's local speaker.
 * `s` is the statements table, `p` the speakers row (NULL when the speaker is no entity).
 */
export const speakerJoin = 'LEFT JOIN speakers p ON p.document = s.document AND p.local = s.speaker_local';
export const statementWithSpeaker = `statements s ${speakerJoin}`;

/**
 * How every full-text index reads words: case and diacritics folded ("Kovacs" finds
 * "Kovács"), then English stemming ("walked" finds "walks back"). An index built with
 * another tokenizer is rebuilt when the store is opened for serving (queries.ts ensureSearch).
 */
export const FTS_TOKENIZE = 'porter unicode61 remove_diacritics 2';
/**
 * The search indexes' version in store_meta `fts_built`: 1 had no stemming and no event or
 * conflict index; 2 read the documents' text from their table (external content), which 3
 * keeps packed (packed.ts): the index of documents is contentless since; 4 reads a claim's words
 * from either shape of its row (claimTextSql); 5 indexes statements contentless too (a
 * statement's text is read from its document's: statement-row.ts statementTextSql).
 */
export const FTS_VERSION = '5';

/** A document's words: its text, kept packed (packed.ts doc_text; `r` is the documents row). */
export const documentSearchText = (r: string): string => `doc_text(${r}.text)`;

/** What an event is found by: its label, its place and its participants' names (`r` is the events row). */
export const eventSearchText = (r: string): string =>
  `${r}.label || ' ' || COALESCE(${eventPlaceSql(r)}, '') || ' ' || COALESCE((SELECT group_concat(e.name, ' ') FROM json_each(${r}.data, ${eventParticipantsPath(r)}) p JOIN entities e ON e.id = p.value), '')`;

/** A claim's words in SQL (`c` is the claims row), from either shape of its `data` (ledger-rows.ts claimData: cells, or an object). */
export const claimTextSql = (c: string): string => `COALESCE(${claimSpanTextSql(c)}, json_extract(${c}.data, '$[2]'), json_extract(${c}.data, '$.text'))`;
/** The statement a claim reports, in SQL (as claimTextSql). */
export const claimStatementSql = (c: string): string => {
  // Cells name a statement of the claim's own document by its id within it (ledger-rows.ts statementWithin).
  const cell = `json_extract(${c}.data, '$[3]')`;
  return `COALESCE(CASE WHEN instr(${cell}, ':') > 0 THEN ${cell} ELSE ${c}.document || ':' || ${cell} END, json_extract(${c}.data, '$.statement'))`;
};

/** What a conflict is found by (either shape of its `data`: ledger-rows.ts conflictData): its explanation, its event's label and both claims' words (`r` is the conflicts row). */
export const conflictSearchText = (r: string): string =>
  `COALESCE(json_extract(${r}.data, '$[0]'), json_extract(${r}.data, '$.explanation')) || ' ' || COALESCE((SELECT v.label FROM events v WHERE v.id = ${r}.event), '') || ' ' || COALESCE((SELECT group_concat(${claimTextSql('c')}, ' ') FROM claims c WHERE c.id IN (${r}.claim_a, ${r}.claim_b)), '')`;

/** The search indexes and their triggers, dropped together when they are rebuilt. */
export const ftsTables = ['statements_fts', 'documents_fts', 'events_fts', 'conflicts_fts'] as const;
export const ftsTriggers = ['statements_fts_ai', 'statements_fts_ad', 'documents_fts_ai', 'documents_fts_ad', 'events_fts_ai', 'events_fts_ad', 'conflicts_fts_ai', 'conflicts_fts_ad'] as const;

/** A contentless index `<table>_fts` of the words `text` (over `new`) picks from each row, kept in step by triggers. */
const contentlessIndex = (table: string, text: string): string => `
CREATE VIRTUAL TABLE IF NOT EXISTS ${table}_fts USING fts5(text, content='', contentless_delete=1, tokenize='${FTS_TOKENIZE}');
CREATE TRIGGER IF NOT EXISTS ${table}_fts_ai AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${table}_fts(rowid, text) VALUES (new.rowid, ${text});
END;
CREATE TRIGGER IF NOT EXISTS ${table}_fts_ad AFTER DELETE ON ${table} BEGIN
  DELETE FROM ${table}_fts WHERE rowid = old.rowid;
END;`;

/**
 * Full-text search (SQLite FTS5 only, not part of the shared SQL): contentless indexes over
 * statements (their text is mostly read from their documents') and documents (their text is
 * kept packed) and the ledger's events and conflicts (their words come from several tables, and the ledger is
 * rewritten by every rebuild): `contentless_delete` forgets a row by its rowid alone. Triggers
 * keep them in step.
 * src/store/queries.ts creates them on demand (`ensureSearch`) and rebuilds them when a store
 * predates them.
 */
export const ftsSql = `
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(text, speaker_text, content='', contentless_delete=1, tokenize='${FTS_TOKENIZE}');
CREATE TRIGGER IF NOT EXISTS statements_fts_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, text, speaker_text) VALUES (new.rowid, ${statementTextSql('new')}, new.speaker_text);
END;
CREATE TRIGGER IF NOT EXISTS statements_fts_ad AFTER DELETE ON statements BEGIN
  DELETE FROM statements_fts WHERE rowid = old.rowid;
END;
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='${FTS_TOKENIZE}');
CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, ${documentSearchText('new')});
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.rowid;
END;
${contentlessIndex('events', eventSearchText('new'))}
${contentlessIndex('conflicts', conflictSearchText('new'))}
`;

/** Documents stored but not analysed for their language; bind the analysed languages as JSON (core/analysed-languages.ts). */
export const notAnalysedWhere = 'language IS NOT NULL AND language NOT IN (SELECT value FROM json_each(?))';
