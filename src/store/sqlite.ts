/**
 * The embedded store: one SQLite file (better-sqlite3), WAL mode, every write in a
 * transaction so an interrupted run leaves what was stored before intact.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Doc } from '../core/types.js';
import type { WalkbackExport } from '../report/export.js';
import { notAnalysedWhere, schemaSql, ledgerTables, statementIndexSql, statementWithSpeaker, SCHEMA_VERSION } from './schema.js';
import { documentStatements, withConflictSources } from '../report/export.js';
import type { ClaimRow, ConflictRow, SourceFields } from '../core/rows.js';
import { citation, documentUrl, shareableSource, sourceFields } from '../core/source-ref.js';
import { ANALYSED_LANGUAGES } from '../core/analysed-languages.js';
import { shingleSample } from '../clean/duplicates.js';
import { statementOfRow, statementColumns, type StatementDbRow } from './statement-row.js';
import { type Store, type StoreCounts, type DocRow, type StoredAnalysis, fromStored, type LedgerInput, fromLedgerInput, type LedgerRows, type NotAnalysed, dateKey } from './store.js';
import { PIPELINE_VERSION } from '../version.js';
import { compareDocKeys, copiesInOrder, type DocKey } from './ledger-order.js';

/**
 * How long a writer waits for another process's write lock. The ledger is rebuilt under that
 * lock, which on a large store takes more than SQLite's default 5 s.
 */
const WRITE_WAIT_MS = 10 * 60_000;

/** store_meta key: the documents the stored ledger reflects (see generation()). */
const LEDGER_OF = 'ledger_of';

export class StoreError extends Error {
  constructor(
    public readonly file: string,
    reason: string,
    /** Another process held the write lock past the wait: the same write may succeed later. */
    public readonly locked = false,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'StoreError';
  }
}

interface StoredRow {
  id: string;
  source: string;
  text: string;
  analysis: string;
  ledger_input: string;
  duplicate_of: string | null;
}

/** The duplicate_of column is the copy verdict of the last ledger rebuild (ledger-order.ts); the JSON's is from arrival. */
const docOfRow = (r: StoredRow): Doc => withCopy(fromStored(r.text, JSON.parse(r.analysis) as StoredAnalysis, JSON.parse(r.ledger_input) as LedgerInput), r.duplicate_of);

function withCopy(d: Doc, duplicateOf: string | null): Doc {
  d.meta = { ...d.meta, duplicateOf };
  return d;
}

const inLedgerOrder = <T extends { id: string; source: string }>(rows: T[]): T[] => rows.sort(compareDocKeys);

export class SqliteStore implements Store {
  /** The connection, for the read queries of src/store/queries.ts (the API server). */
  readonly db: Database.Database;

  /** Opened read-only (a store the user may not write): nothing is created, migrated or repaired. */
  readonly readOnly: boolean;
  /** How long a write waits for another process's lock before it fails with a StoreError naming the store. */
  private readonly lockWaitMs: number;
  /** Read into memory (a read-only folder): other connections to the file (search workers) cannot be opened. */
  inMemory = false;

  constructor(
    public readonly file: string,
    opts: { readOnly?: boolean; lockWaitMs?: number } = {},
  ) {
    this.readOnly = opts.readOnly ?? false;
    this.lockWaitMs = opts.lockWaitMs ?? WRITE_WAIT_MS;
    if (this.readOnly) {
      this.db = this.openReadOnly();
      return;
    }
    try {
      this.db = new Database(file, { timeout: this.lockWaitMs });
      // Set before the first table is written, so only a new store takes it. Most of the
      // bytes are large JSON values: on 4 KB pages each spans a dozen overflow pages, and
      // writing them cost twice what it does on 32 KB pages.
      this.db.pragma('page_size = 32768');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.exec(schemaSql);
    } catch (err) {
      throw new StoreError(file, `cannot open the store: ${(err as Error).message}`);
    }
    const version = this.db.prepare('SELECT value FROM store_meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
    if (!version) this.db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    else if (Number(version.value) > SCHEMA_VERSION) throw new StoreError(file, `store schema ${version.value} is newer than this walkback (${SCHEMA_VERSION})`);
    else if (Number(version.value) === 1) this.migrateFrom1();
    this.addShinglesColumn();
    this.db.exec(statementIndexSql);
  }

  /** A read-only connection to an existing store of this schema version (an older one needs write access once, to migrate). */
  private openReadOnly(): Database.Database {
    let db: Database.Database;
    let version: string | undefined;
    const check = (d: Database.Database): Database.Database => {
      try {
        version = d.prepare('SELECT value FROM store_meta WHERE key = ?').pluck().get('schema_version') as string | undefined;
      } catch (err) {
        d.close();
        throw err;
      }
      return d;
    };
    try {
      try {
        db = check(new Database(this.file, { readonly: true, fileMustExist: true, timeout: WRITE_WAIT_MS }));
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_READONLY_CANTINIT') throw err;
        db = check(this.snapshot());
      }
    } catch (err) {
      throw new StoreError(this.file, `cannot open the store read-only: ${(err as Error).message}`);
    }
    if (Number(version) !== SCHEMA_VERSION) {
      db.close();
      throw new StoreError(this.file, `store schema ${version ?? 'unknown'} cannot be read without write access (this walkback reads ${SCHEMA_VERSION}; open it once where it can be written)`);
    }
    return db;
  }

  /**
   * A WAL store in a folder where SQLite cannot create its -shm file (a read-only folder) cannot
   * be opened in place: it is read whole into memory, its header switched from WAL to the
   * rollback journal (the file is complete: a store closed cleanly leaves no -wal). A -wal left
   * by a writer that was killed is not seen.
   */
  private snapshot(): Database.Database {
    const bytes = readFileSync(this.file);
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
    this.inMemory = true;
    return new Database(bytes, { readonly: true });
  }

  /**
   * Version 1 wrote statements with the ledger, naming speakers by canonical entity only.
   * Each statement gets its document's local speaker back from the stored analysis, and
   * `speakers` is read off the pairs, so the store reads as before without a rebuild.
   */
  private migrateFrom1(): void {
    this.db.transaction(() => {
      this.db.exec('ALTER TABLE statements ADD COLUMN speaker_local TEXT');
      const setLocal = this.db.prepare('UPDATE statements SET speaker_local = ? WHERE id = ?');
      for (const page of this.docPages()) for (const d of page) for (const st of documentStatements(d)) setLocal.run(st.speakerLocal, st.id);
      this.db.exec(`INSERT OR IGNORE INTO speakers (document, local, entity)
        SELECT document, speaker_local, speaker FROM statements WHERE speaker_local IS NOT NULL AND speaker IS NOT NULL`);
      this.db.exec('DROP INDEX IF EXISTS statements_speaker; ALTER TABLE statements DROP COLUMN speaker');
      this.db.prepare("UPDATE store_meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION));
    })();
  }

  /** A store made before copies were found by containment gets the column; rows without a sample are filled at the next rebuild (refreshCopies). */
  private addShinglesColumn(): void {
    const columns = this.db.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'shingles')) this.db.exec('ALTER TABLE documents ADD COLUMN shingles TEXT');
  }

  knownHashes(): Set<string> {
    const rows = this.db.prepare('SELECT raw_hash FROM documents').pluck().all() as string[];
    return new Set(rows);
  }

  signatures(): Array<{ id: string; simhash: string; textHash: string; shingles: string }> {
    return this.db.prepare("SELECT id, simhash, text_hash AS textHash, COALESCE(shingles, '') AS shingles FROM documents ORDER BY seq").all() as Array<{ id: string; simhash: string; textHash: string; shingles: string }>;
  }

  saveDocs(rows: DocRow[]): number {
    const insRaw = this.db.prepare('INSERT OR IGNORE INTO raw_inputs (hash, size, bytes) VALUES (?, ?, ?)');
    const insDoc = this.db.prepare(
      `INSERT OR IGNORE INTO documents (id, seq, source, raw_hash, title, published, outlet, language, duplicate_of, text_hash, simhash, shingles, text, analysis, ledger_input, pipeline_version, added_at)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A statement belongs to its document: written once with it; `speakers` names its speaker.
    const insS = this.db.prepare('INSERT OR IGNORE INTO statements (id, document, speaker_local, speaker_text, kind, text, date, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    const tx = this.db.transaction((batch: DocRow[]) => {
      let added = 0;
      for (const r of batch) {
        insRaw.run(r.rawHash, r.raw.length, r.raw);
        const changes = insDoc.run(r.id, r.source, r.rawHash, r.title, r.published, r.outlet, r.language, r.duplicateOf, r.textHash, r.simhash, r.shingles, r.text, r.analysis, r.ledgerInput, PIPELINE_VERSION, now).changes;
        if (changes === 0) continue;
        added++;
        for (const st of r.statements) insS.run(st.id, r.id, st.speakerLocal, st.speakerText, st.kind, st.text, st.date, st.data);
      }
      return added;
    });
    return this.writing(() => tx(rows));
  }

  loadDocs(): Doc[] {
    const rows = this.db.prepare('SELECT id, source, text, analysis, ledger_input, duplicate_of FROM documents').all() as StoredRow[];
    return inLedgerOrder(rows).map(docOfRow);
  }

  *docPages(size = 500): Iterable<Doc[]> {
    const page = this.db.prepare('SELECT seq, id, source, text, analysis, ledger_input, duplicate_of FROM documents WHERE seq > ? ORDER BY seq LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = page.all(after, size) as Array<StoredRow & { seq: number }>;
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      yield rows.map(docOfRow);
    }
  }

  loadLedgerInputs(): Doc[] {
    const rows = this.db.prepare('SELECT id, source, text, ledger_input, duplicate_of FROM documents').all() as Array<Omit<StoredRow, 'analysis'>>;
    return inLedgerOrder(rows).map((r) => withCopy(fromLedgerInput(r.text, JSON.parse(r.ledger_input) as LedgerInput), r.duplicate_of));
  }

  /**
   * Which documents the stored ledger must reflect: documents are only ever added, each with
   * the next seq, so their count and last seq name the set.
   */
  private generation(): string {
    const r = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS last FROM documents').get() as { n: number; last: number };
    return `${r.n}:${r.last}`;
  }

  ledgerStale(): boolean {
    const of = this.db.prepare('SELECT value FROM store_meta WHERE key = ?').pluck().get(LEDGER_OF) as string | undefined;
    return (of ?? '0:0') !== this.generation();
  }

  /** A write; SQLite's bare `database is locked` becomes an error that names the store and says it may be retried. */
  private writing<T>(write: () => T): T {
    try {
      return write();
    } catch (err) {
      if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) throw err;
      throw new StoreError(this.file, `locked by another process for over ${Math.round(this.lockWaitMs / 1000)} s (${(err as Error).message})`, true);
    }
  }

  rebuildLedger(build: (docs: Doc[]) => LedgerRows): void {
    // IMMEDIATE: the write lock is taken before the documents are read, so no other process
    // can add documents between the read and the write and have them dropped by this ledger.
    this.writing(() =>
      this.db
        .transaction(() => {
          this.refreshCopies();
          this.saveLedger(build(this.loadLedgerInputs()));
        })
        .immediate(),
    );
  }

  /** Copy verdicts over every committed document, in ledger order (documents of other processes included). */
  private refreshCopies(): void {
    // Documents stored before the containment sample was kept get it now, once.
    const missing = this.db.prepare('SELECT id, text FROM documents WHERE shingles IS NULL').all() as Array<{ id: string; text: string }>;
    const fill = this.db.prepare('UPDATE documents SET shingles = ? WHERE id = ?');
    for (const m of missing) fill.run(shingleSample(m.text), m.id);
    const rows = this.db.prepare('SELECT id, source, simhash, text_hash AS textHash, shingles, duplicate_of AS duplicateOf FROM documents').all() as Array<DocKey & { duplicateOf: string | null }>;
    const copies = copiesInOrder(rows);
    const set = this.db.prepare('UPDATE documents SET duplicate_of = ? WHERE id = ?');
    for (const r of rows) {
      const of = copies.get(r.id) ?? null;
      if (of !== r.duplicateOf) set.run(of, r.id);
    }
  }

  raw(hash: string): Buffer | null {
    const row = this.db.prepare('SELECT bytes FROM raw_inputs WHERE hash = ?').get(hash) as { bytes: Buffer } | undefined;
    return row?.bytes ?? null;
  }

  saveLedger(exp: LedgerRows): void {
    const lastDate = new Map<string, string>();
    for (const c of exp.claims) {
      const d = dateKey(c.date);
      if (d && (lastDate.get(c.event) ?? '') < d) lastDate.set(c.event, d);
    }
    const tx = this.db.transaction(() => {
      for (const t of ledgerTables) this.db.exec(`DELETE FROM ${t}`);
      const insE = this.db.prepare('INSERT INTO entities (id, name, type, side, data) VALUES (?, ?, ?, ?, ?)');
      for (const e of exp.entities) insE.run(e.id, e.name, e.type, e.side, JSON.stringify(e));
      const insP = this.db.prepare('INSERT OR REPLACE INTO speakers (document, local, entity) VALUES (?, ?, ?)');
      for (const p of exp.speakers) insP.run(p.document, p.local, p.entity);
      const insV = this.db.prepare('INSERT INTO events (id, type, label, status, last_date, data) VALUES (?, ?, ?, ?, ?, ?)');
      for (const v of exp.events) insV.run(v.id, v.type, v.label, v.status, lastDate.get(v.id) ?? null, JSON.stringify(v));
      const insC = this.db.prepare('INSERT INTO claims (id, event, document, source, status, date, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const c of exp.claims) insC.run(c.id, c.event, c.document, c.source, c.status, dateKey(c.date), JSON.stringify(c));
      const insK = this.db.prepare('INSERT INTO conflicts (id, kind, event, claim_a, claim_b, data) VALUES (?, ?, ?, ?, ?, ?)');
      for (const k of exp.conflicts) insK.run(k.id, k.kind, k.event, k.claims[0], k.claims[1], JSON.stringify(k));
      // In the same transaction: the ledger and the mark of what it reflects commit together.
      this.db.prepare('INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)').run(LEDGER_OF, this.generation());
    });
    tx();
  }

  loadExport(): WalkbackExport {
    const data = <T>(table: string, order: string): T[] =>
      (this.db.prepare(`SELECT data FROM ${table} ORDER BY ${order}`).pluck().all() as string[]).map((s) => JSON.parse(s) as T);
    // Documents and statements in ledger order, so that the same documents export the same
    // whatever order they were added in.
    const rows = inLedgerOrder(this.db.prepare('SELECT id, source, text, analysis, duplicate_of FROM documents').all() as Array<Omit<StoredRow, 'ledger_input'>>);
    const rank = new Map(rows.map((r, i) => [r.id, i]));
    const sources = new Map<string, SourceFields>();
    const documents = rows.map((r) => {
      const a = JSON.parse(r.analysis) as StoredAnalysis;
      const m = a.meta;
      const src = sourceFields(m, r.source);
      sources.set(r.id, src);
      return { id: r.id, source: shareableSource(r.source), url: src.url, title: m.title, published: m.published?.date ?? null, publishedFrom: m.published?.source ?? null, outlet: m.outlet, authors: m.authors, language: m.language, duplicateOf: r.duplicate_of, text: r.text };
    });
    const noSource: SourceFields = { url: null, outlet: null, authors: [], published: null };
    // Where each row was published is read from its document, so a store built before rows carried it exports it too.
    const sourced = <T extends { document: string }>(row: T): T & SourceFields => ({ ...row, ...(sources.get(row.document) ?? noSource) });
    const statements = (this.db.prepare(`SELECT ${statementColumns} FROM ${statementWithSpeaker} ORDER BY s.rowid`).all() as StatementDbRow[]).map((r) => sourced(statementOfRow(r)));
    statements.sort((a, b) => (rank.get(a.document) ?? rows.length) - (rank.get(b.document) ?? rows.length));
    const claims = data<ClaimRow>('claims', 'rowid').map(sourced);
    return {
      schema: 'walkback.export/v1',
      documents,
      entities: data('entities', 'rowid'),
      statements,
      events: data('events', 'rowid'),
      claims,
      conflicts: withConflictSources(data<ConflictRow>('conflicts', 'rowid'), new Map(claims.map((c) => [c.id, c.document])), sources),
    };
  }

  counts(): StoreCounts {
    const n = (t: string): number => (this.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number) ?? 0;
    return { documents: n('documents'), entities: n('entities'), statements: n('statements'), events: n('events'), claims: n('claims'), conflicts: n('conflicts') };
  }

  notAnalysed(): NotAnalysed[] {
    const rows = this.db
      .prepare(`SELECT id, source, language, json_extract(analysis, '$.meta.url') AS url FROM documents WHERE ${notAnalysedWhere} ORDER BY seq`)
      .all(JSON.stringify(ANALYSED_LANGUAGES)) as Array<NotAnalysed & { url: string | null }>;
    return rows.map((r) => ({ id: r.id, source: citation(documentUrl(r, r.source), r.source), language: r.language }));
  }

  close(): void {
    this.db.close();
  }
}

export function openStore(file: string, opts: { readOnly?: boolean } = {}): Store {
  return new SqliteStore(file, opts);
}
