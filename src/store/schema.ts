/**
 * The store's schema, in the SQL that SQLite and PostgreSQL share. Documents keep their raw
 * input (content-addressed, verbatim) and their per-document analysis; the ledger tables are
 * rebuilt from the documents after every analyze, in one transaction, so they never drift.
 */
export const SCHEMA_VERSION = 1;

export const schemaSql = `
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
  speaker TEXT,
  speaker_text TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  date TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_document ON statements(document);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker);
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
  data TEXT NOT NULL
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

/** Ledger tables, emptied and refilled together. */
export const ledgerTables = ['entities', 'statements', 'events', 'claims', 'conflicts'] as const;

/**
 * Full-text search (SQLite FTS5 only, not part of the shared SQL): external-content indexes
 * over statements and documents, kept in step by triggers. src/store/queries.ts creates them
 * on demand (`ensureSearch`) and rebuilds them when a store predates them.
 */
export const ftsSql = `
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(text, speaker_text, content='statements', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS statements_fts_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, text, speaker_text) VALUES (new.rowid, new.text, new.speaker_text);
END;
CREATE TRIGGER IF NOT EXISTS statements_fts_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker_text) VALUES ('delete', old.rowid, old.text, old.speaker_text);
END;
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
`;
