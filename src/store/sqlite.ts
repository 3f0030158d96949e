/**
 * The embedded store: one SQLite file (better-sqlite3), WAL mode, every write in a
 * transaction so an interrupted run leaves what was stored before intact.
 */
import Database from 'better-sqlite3';
import type { Doc } from '../core/types.js';
import type { WalkbackExport, LedgerExport } from '../report/export.js';
import { schemaSql, ledgerTables, statementIndexSql, statementWithSpeaker, SCHEMA_VERSION } from './schema.js';
import { documentStatements } from '../report/export.js';
import { statementOfRow, statementColumns, type StatementDbRow } from './statement-row.js';
import { type Store, type StoreCounts, type DocRow, type StoredAnalysis, fromStored, type LedgerInput, fromLedgerInput, type SpeakerRow, dateKey } from './store.js';
import { PIPELINE_VERSION } from '../version.js';

export class StoreError extends Error {
  constructor(
    public readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'StoreError';
  }
}

interface StoredRow {
  text: string;
  analysis: string;
  ledger_input: string;
}

const docOfRow = (r: StoredRow): Doc => fromStored(r.text, JSON.parse(r.analysis) as StoredAnalysis, JSON.parse(r.ledger_input) as LedgerInput);

export class SqliteStore implements Store {
  /** The connection, for the read queries of src/store/queries.ts (the API server). */
  readonly db: Database.Database;

  constructor(public readonly file: string) {
    try {
      this.db = new Database(file);
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
    this.db.exec(statementIndexSql);
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

  knownHashes(): Set<string> {
    const rows = this.db.prepare('SELECT raw_hash FROM documents').pluck().all() as string[];
    return new Set(rows);
  }

  signatures(): Array<{ id: string; simhash: string; textHash: string }> {
    return this.db.prepare('SELECT id, simhash, text_hash AS textHash FROM documents ORDER BY seq').all() as Array<{ id: string; simhash: string; textHash: string }>;
  }

  saveDocs(rows: DocRow[]): number {
    const insRaw = this.db.prepare('INSERT OR IGNORE INTO raw_inputs (hash, size, bytes) VALUES (?, ?, ?)');
    const insDoc = this.db.prepare(
      `INSERT OR IGNORE INTO documents (id, seq, source, raw_hash, title, published, outlet, language, duplicate_of, text_hash, simhash, text, analysis, ledger_input, pipeline_version, added_at)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A statement belongs to its document: written once with it; `speakers` names its speaker.
    const insS = this.db.prepare('INSERT OR IGNORE INTO statements (id, document, speaker_local, speaker_text, kind, text, date, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    const tx = this.db.transaction((batch: DocRow[]) => {
      let added = 0;
      for (const r of batch) {
        insRaw.run(r.rawHash, r.raw.length, r.raw);
        const changes = insDoc.run(r.id, r.source, r.rawHash, r.title, r.published, r.outlet, r.language, r.duplicateOf, r.textHash, r.simhash, r.text, r.analysis, r.ledgerInput, PIPELINE_VERSION, now).changes;
        if (changes === 0) continue;
        added++;
        for (const st of r.statements) insS.run(st.id, r.id, st.speakerLocal, st.speakerText, st.kind, st.text, st.date, st.data);
      }
      return added;
    });
    return tx(rows);
  }

  loadDocs(): Doc[] {
    const rows = this.db.prepare('SELECT text, analysis, ledger_input FROM documents ORDER BY seq').all() as StoredRow[];
    return rows.map(docOfRow);
  }

  *docPages(size = 500): Iterable<Doc[]> {
    const page = this.db.prepare('SELECT seq, text, analysis, ledger_input FROM documents WHERE seq > ? ORDER BY seq LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = page.all(after, size) as Array<StoredRow & { seq: number }>;
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      yield rows.map(docOfRow);
    }
  }

  loadLedgerInputs(): Doc[] {
    const rows = this.db.prepare('SELECT text, ledger_input FROM documents ORDER BY seq').all() as Array<{ text: string; ledger_input: string }>;
    return rows.map((r) => fromLedgerInput(r.text, JSON.parse(r.ledger_input) as LedgerInput));
  }

  raw(hash: string): Buffer | null {
    const row = this.db.prepare('SELECT bytes FROM raw_inputs WHERE hash = ?').get(hash) as { bytes: Buffer } | undefined;
    return row?.bytes ?? null;
  }

  saveLedger(exp: LedgerExport & { speakers: Iterable<SpeakerRow> }): void {
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
    });
    tx();
  }

  loadExport(): WalkbackExport {
    const data = <T>(table: string, order: string): T[] =>
      (this.db.prepare(`SELECT data FROM ${table} ORDER BY ${order}`).pluck().all() as string[]).map((s) => JSON.parse(s) as T);
    const documents = (this.db.prepare('SELECT id, source, text, analysis FROM documents ORDER BY seq').all() as Array<{ id: string; source: string; text: string; analysis: string }>).map((r) => {
      const a = JSON.parse(r.analysis) as StoredAnalysis;
      const m = a.meta;
      return { id: r.id, source: r.source, title: m.title, published: m.published?.date ?? null, publishedFrom: m.published?.source ?? null, outlet: m.outlet, authors: m.authors, language: m.language, duplicateOf: m.duplicateOf, text: r.text };
    });
    return {
      schema: 'walkback.export/v1',
      documents,
      entities: data('entities', 'rowid'),
      statements: (this.db.prepare(`SELECT ${statementColumns} FROM ${statementWithSpeaker} ORDER BY s.rowid`).all() as StatementDbRow[]).map(statementOfRow),
      events: data('events', 'rowid'),
      claims: data('claims', 'rowid'),
      conflicts: data('conflicts', 'rowid'),
    };
  }

  counts(): StoreCounts {
    const n = (t: string): number => (this.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number) ?? 0;
    return { documents: n('documents'), entities: n('entities'), statements: n('statements'), events: n('events'), claims: n('claims'), conflicts: n('conflicts') };
  }

  close(): void {
    this.db.close();
  }
}

export function openStore(file: string): Store {
  return new SqliteStore(file);
}
