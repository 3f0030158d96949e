/**
 * The embedded store: one SQLite file (better-sqlite3), WAL mode, every write in a
 * transaction so an interrupted run leaves what was stored before intact.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Doc } from '../core/types.js';
import type { WalkbackExport } from '../report/export.js';
import { notAnalysedWhere, schemaSql, openIndexSql, statementWithSpeaker, statementOrderColumns, statementOrderSql, statementOrderIndexSql, SCHEMA_VERSION, withoutRowidTables, ftsTables, ftsTriggers } from './schema.js';
import { withConflictSources } from '../report/export.js';
import { collectExport, type ExportRows } from '../report/export-json.js';
import type { ClaimRow, ConflictRow, SourceFields } from '../core/rows.js';
import { citation, documentUrl, noSource, shareableSource, sourceFields } from '../core/source-ref.js';
import { ANALYSED_LANGUAGES } from '../core/analysed-languages.js';
import { shingleSample } from '../clean/duplicates.js';
import { statementOfRow, statementColumns, SPAN_TEXT, type StatementDbRow } from './statement-row.js';
import { type Store, type StoreCounts, type DocRow, type StoredAnalysis, fromStored, type LedgerInput, type DocKeys, fromLedgerInput, type LedgerRows, type NotAnalysed, type LedgerDigests } from './store.js';
import { PIPELINE_VERSION } from '../version.js';
import { packRaw, packShingles, packText, registerDocText, unpackJson, unpackRaw, unpackShingles, unpackText } from './packed.js';
import { StringPool } from './interned.js';
import { compareDocKeys, copiesAfterAdding, copiesInOrder, type DocKey } from './ledger-order.js';
import { eventMentionsFromV3, eventMentionsV3, keepDropped, redirectOf, redirectSchemaSql, saveMentions, updateRedirects, type RedirectKind } from './redirects.js';
import { addDigestColumns, planTable, syncKeyed, type TablePlan } from './ledger-diff.js';
import { claimRow, conflictRow, entityRow, eventRow, lastDates, ledgerColumns, ledgerRowTables, eventDigest, claimColumns, claimOfRow, type ClaimDbRow, conflictColumns, conflictOfRow, type ConflictDbRow, type StoredConflict, eventColumns, eventOfRow, type EventDbRow } from './ledger-rows.js';
import { CorrectionLog } from '../corrections/log.js';
import { StoreError } from './errors.js';
import { RuleCodes, ruleCodedTables } from './rule-names.js';
import { addMissingColumns, columnsOf } from './sqlite/columns.js';

export { StoreError };

/**
 * How long a writer waits for another process's write lock. The ledger is rebuilt under that
 * lock, which on a large store takes more than SQLite's default 5 s.
 */
const WRITE_WAIT_MS = 10 * 60_000;

/** store_meta key: the documents the stored ledger reflects (see generation()). */
const LEDGER_OF = 'ledger_of';

interface StoredRow {
  id: string;
  source: string;
  raw_hash: string;
  /** Packed (packed.ts), or text in a store written before. */
  text: string | Buffer;
  /** Packed (packed.ts), or JSON text in a store written before. */
  analysis: string | Buffer;
  ledger_input: string | Buffer;
  duplicate_of: string | null;
}

/** The document of each of these claims (a conflict's sources are its claims' documents'). */
export function claimDocuments(db: Database.Database, claims: readonly string[]): Map<string, string> {
  const rows = db.prepare('SELECT id, document FROM claims WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(claims)) as Array<{ id: string; document: string }>;
  return new Map(rows.map((r) => [r.id, r.document]));
}

/** The name each ledger table goes by in a query (the column lists of ledger-rows.ts use them). */
const TABLE_ALIAS = { entities: 'e', events: 'v', claims: 'c', conflicts: 'k' } as const;

/** The duplicate_of column is the copy verdict of the last ledger rebuild (ledger-order.ts); the JSON's meta is as analysed, before any verdict (a worker packs it). */
const docOfRow = (r: StoredRow): Doc => withCopy(fromStored({ id: r.id, source: r.source, rawHash: r.raw_hash }, unpackText(r.text), unpackJson<StoredAnalysis>(r.analysis), unpackJson<LedgerInput>(r.ledger_input)), r.duplicate_of);

function withCopy(d: Doc, duplicateOf: string | null): Doc {
  d.meta = { ...d.meta, duplicateOf };
  return d;
}

/** Which entity each document's local speaker is, as a keyed row of the speakers table. */
function* speakerPairs(rows: Iterable<{ document: string; local: string; entity: string }>): Iterable<{ a: string; b: string; value: string }> {
  for (const p of rows) yield { a: p.document, b: p.local, value: p.entity };
}

const inLedgerOrder = <T extends { id: string; source: string }>(rows: T[]): T[] => rows.sort(compareDocKeys);

/** Rows read a page at a time by export and report: enough to amortise a query, few enough to bound memory. */
const PAGE = 500;

/** Ids in pages of PAGE. */
function* idPages(keys: ReadonlyArray<{ id: string }>): Iterable<string[]> {
  for (let i = 0; i < keys.length; i += PAGE) yield keys.slice(i, i + PAGE).map((k) => k.id);
}

export class SqliteStore implements Store {
  /** The connection, for the read queries of src/store/queries.ts (the API server). */
  readonly db: Database.Database;

  /** Opened read-only (a store the user may not write): nothing is created, migrated or repaired. */
  readonly readOnly: boolean;
  /** How long a write waits for another process's lock before it fails with a StoreError naming the store. */
  private readonly lockWaitMs: number;
  /** Read into memory (a read-only folder): other connections to the file (search workers) cannot be opened. */
  inMemory = false;
  private correctionLog?: CorrectionLog;
  private conflictsOfEvent?: Database.Statement;
  /** Per ledger table, the rows the last saveLedger deleted, inserted and left alone (ledger-diff.ts). */
  lastLedgerWrite: Record<string, TablePlan['stats']> | null = null;
  private ruleCodes?: RuleCodes;

  /** The numbers statements and claims name their rules by (rule-names.ts). */
  private get rules(): RuleCodes {
    return (this.ruleCodes ??= new RuleCodes(this.db));
  }

  /** The editor's corrections (src/corrections/), kept apart from the ledger tables. */
  get corrections(): CorrectionLog {
    return (this.correctionLog ??= new CorrectionLog(this.db, this.readOnly));
  }

  constructor(
    public readonly file: string,
    opts: { readOnly?: boolean; lockWaitMs?: number } = {},
  ) {
    this.readOnly = opts.readOnly ?? false;
    this.lockWaitMs = opts.lockWaitMs ?? WRITE_WAIT_MS;
    if (this.readOnly) {
      this.db = this.openReadOnly();
      registerDocText(this.db);
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
      // The search index's triggers read the documents' packed text through it.
      registerDocText(this.db);
      this.db.exec(schemaSql);
      this.db.exec(redirectSchemaSql);
    } catch (err) {
      throw new StoreError(file, `cannot open the store: ${(err as Error).message}`);
    }
    const version = this.db.prepare('SELECT value FROM store_meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
    // OR IGNORE: another process making the same new store may have written it first.
    if (!version) this.db.prepare('INSERT OR IGNORE INTO store_meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    else if (Number(version.value) > SCHEMA_VERSION) throw new StoreError(file, `store schema ${version.value} is newer than this walkback (${SCHEMA_VERSION})`);
    else {
      if (Number(version.value) === 1) this.migrateFrom1();
      if (Number(version.value) <= 2) this.migrateFrom2();
      if (Number(version.value) <= 3) this.migrateFrom3();
    }
    this.writing(() => {
      this.addShinglesColumn();
      addDigestColumns(this.db, ledgerRowTables);
    });
    this.db.exec(openIndexSql);
    this.addStatementOrder();
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
      // A version 1 store's analysis holds its statements (later versions keep them in their table
      // alone). Read a page at a time: the connection cannot write while it iterates.
      const page = this.db.prepare('SELECT seq, id, analysis FROM documents WHERE seq > ? ORDER BY seq LIMIT 500');
      for (let after = 0, rows; (rows = page.all(after) as Array<{ seq: number; id: string; analysis: Buffer | string }>).length; after = rows.at(-1)!.seq) {
        for (const r of rows) for (const st of unpackJson<Pick<Doc, 'statements'>>(r.analysis).statements ?? []) setLocal.run(st.speaker.local ?? null, `${r.id}:${st.id}`);
      }
      this.db.exec(`INSERT OR IGNORE INTO speakers (document, local, entity)
        SELECT document, speaker_local, speaker FROM statements WHERE speaker_local IS NOT NULL AND speaker IS NOT NULL`);
      this.db.exec('DROP INDEX IF EXISTS statements_speaker; ALTER TABLE statements DROP COLUMN speaker');
      this.db.prepare("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'").run();
    })();
  }

  /**
   * Version 2 to 3 (schema.ts): each table keyed by a pair is copied into its WITHOUT ROWID
   * form (made by the schema's own statement), the index of statements by document alone
   * dropped, and the search index dropped to be made again (its documents' text is packed from
   * now on; the texts stored before stay as they are, and read the same). The pages freed are
   * reused by later writes (VACUUM gives them back to the disk).
   */
  private migrateFrom2(): void {
    this.writing(() =>
      this.db.transaction(() => {
        for (const { table, columns, indexes } of withoutRowidTables) {
          // A store older still had no event_mentions: made at this open, in version 4's shape.
          const has = columnsOf(this.db, table);
          if (!columns.split(', ').every((c) => has.has(c))) continue;
          for (const i of indexes) this.db.exec(`DROP INDEX IF EXISTS ${i}`);
          this.db.exec(`ALTER TABLE ${table} RENAME TO ${table}_v2`);
          // Version 3's shape of event_mentions, which version 4 groups (migrateFrom3).
          this.db.exec(table === 'event_mentions' ? eventMentionsV3.sql : schemaSql);
          this.db.exec(redirectSchemaSql);
          this.db.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_v2; DROP TABLE ${table}_v2`);
        }
        this.db.exec('DROP INDEX IF EXISTS statements_document');
        // Documents written from now on keep their text packed: the search index that read it
        // from the table (and its triggers) is dropped, and made again when next served (queries.ts ensureSearch).
        for (const t of ftsTriggers) this.db.exec(`DROP TRIGGER IF EXISTS ${t}`);
        for (const t of ftsTables) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
        this.db.exec("DELETE FROM store_meta WHERE key = 'fts_built'");
        this.db.prepare("UPDATE store_meta SET value = '3' WHERE key = 'schema_version'").run();
      })(),
    );
  }

  /**
   * Version 3 to 4 (schema.ts): statements and claims gain the `rule` column their rows name
   * their rule by from now on (rule-names.ts; its table is made with the schema). Rows written
   * before keep the name in their data and read the same; the claims are written anew by the
   * next ledger update (their digests changed with the rows' shape). event_mentions is copied
   * into its grouped form (redirects.ts).
   */
  private migrateFrom3(): void {
    this.writing(() =>
      this.db.transaction(() => {
        for (const table of ruleCodedTables) if (!columnsOf(this.db, table).has('rule')) this.db.exec(`ALTER TABLE ${table} ADD COLUMN rule INTEGER`);
        if (columnsOf(this.db, 'event_mentions').has('mention')) {
          this.db.exec('DROP INDEX IF EXISTS event_mentions_event; ALTER TABLE event_mentions RENAME TO event_mentions_v3');
          this.db.exec(redirectSchemaSql);
          this.db.exec(`${eventMentionsFromV3('event_mentions_v3')}; DROP TABLE event_mentions_v3`);
        }
        this.db.prepare("UPDATE store_meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION));
      })(),
    );
  }

  /** A store written before the order columns (schema.ts) gains them, filled, in one transaction. */
  private addStatementOrder(): void {
    const columns = columnsOf(this.db, 'statements');
    if (statementOrderColumns.every((c) => columns.has(c))) {
      this.db.exec(statementOrderIndexSql);
      return;
    }
    this.writing(() =>
      this.db.transaction(() => {
        for (const c of statementOrderColumns) if (!columns.has(c)) this.db.exec(`ALTER TABLE statements ADD COLUMN ${c} ${c === 'doc_seq' ? 'INTEGER' : 'TEXT'}`);
        this.db.exec(statementOrderSql);
        this.db.exec(statementOrderIndexSql);
      })(),
    );
  }

  /** A store made before copies were found by containment gets the column; rows without a sample are filled at the next rebuild (refreshCopies). */
  private addShinglesColumn(): void {
    addMissingColumns(this.db, [['documents', 'shingles', 'TEXT']]);
  }

  knownHashes(): Set<string> {
    const rows = this.db.prepare('SELECT raw_hash FROM documents').pluck().all() as string[];
    return new Set(rows);
  }

  signatures(): Array<{ id: string; simhash: string; textHash: string; shingles: string }> {
    const rows = this.db.prepare('SELECT id, simhash, text_hash AS textHash, shingles FROM documents ORDER BY seq').all() as Array<{ id: string; simhash: string; textHash: string; shingles: string | Buffer | null }>;
    return rows.map((r) => ({ ...r, shingles: unpackShingles(r.shingles) }));
  }

  saveDocs(rows: DocRow[]): number {
    const insRaw = this.db.prepare('INSERT OR IGNORE INTO raw_inputs (hash, size, bytes) VALUES (?, ?, ?)');
    const insDoc = this.db.prepare(
      `INSERT OR IGNORE INTO documents (id, seq, source, raw_hash, title, published, outlet, language, duplicate_of, text_hash, simhash, shingles, text, analysis, ledger_input, pipeline_version, added_at)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A statement belongs to its document: written once with it; `speakers` names its speaker.
    const insS = this.db.prepare(
      `INSERT OR IGNORE INTO statements (id, document, speaker_local, speaker_text, kind, text, date, data, rule, sort_date, doc_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT seq FROM documents WHERE id = ?))`,
    );
    const now = new Date().toISOString();
    const tx = this.db.transaction((batch: DocRow[]) => {
      let added = 0;
      for (const r of batch) {
        insRaw.run(r.rawHash, r.raw.length, packRaw(r.raw));
        const changes = insDoc.run(r.id, r.source, r.rawHash, r.title, r.published, r.outlet, r.language, r.duplicateOf, r.textHash, r.simhash, packShingles(r.shingles), packText(r.text), r.analysis, r.ledgerInput, PIPELINE_VERSION, now).changes;
        if (changes === 0) continue;
        added++;
        for (const st of r.statements) insS.run(st.id, r.id, st.speakerLocal, st.speakerText, st.kind, st.spanText ? SPAN_TEXT : st.text, st.date, st.data, this.rules.code(st.rule), st.date ?? r.published, r.id);
      }
      return added;
    });
    return this.writing(() => tx(rows));
  }

  loadDocs(): Doc[] {
    const rows = this.db.prepare('SELECT id, source, raw_hash, text, analysis, ledger_input, duplicate_of FROM documents').all() as StoredRow[];
    return inLedgerOrder(rows).map(docOfRow);
  }

  loadLedgerInputs(): Doc[] {
    // Ordered by key, then read and unpacked one row at a time: the JSON text of every document is
    // never held at once beside what it parses to (on the parts of a long text, a third of the peak).
    const keys = inLedgerOrder(this.db.prepare('SELECT id, source, raw_hash AS rawHash FROM documents').all() as DocKeys[]);
    const read = this.db.prepare('SELECT text, ledger_input, duplicate_of FROM documents WHERE id = ?');
    // Every document's inputs are held at once: their repeated strings are kept once (interned.ts).
    const strings = new StringPool();
    return keys.map((k) => {
      const r = read.get(k.id) as Pick<StoredRow, 'text' | 'ledger_input' | 'duplicate_of'>;
      return withCopy(fromLedgerInput(k, unpackText(r.text), strings.intern(unpackJson<LedgerInput>(r.ledger_input))), r.duplicate_of);
    });
  }

  /**
   * Which documents the stored ledger must reflect: documents are only ever added, each with
   * the next seq, so their count and last seq name the set.
   */
  private generation(): string {
    const r = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS last FROM documents').get() as { n: number; last: number };
    return `${r.n}:${r.last}`;
  }

  /** The last document seq the stored ledger reflects; null when no ledger was built. */
  private ledgerLastSeq(): number | null {
    const of = this.db.prepare('SELECT value FROM store_meta WHERE key = ?').pluck().get(LEDGER_OF) as string | undefined;
    const last = of ? Number(of.split(':')[1]) : Number.NaN;
    return Number.isInteger(last) ? last : null;
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
      this.rules.forget();
      if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) throw err;
      throw new StoreError(this.file, `locked by another process for over ${Math.round(this.lockWaitMs / 1000)} s (${(err as Error).message})`, true);
    }
  }

  rebuildLedger(build: (docs: Doc[]) => LedgerRows, { full = false }: { full?: boolean } = {}): void {
    // IMMEDIATE: the write lock is taken before the documents are read, so no other process
    // can add documents between the read and the write and have them dropped by this ledger.
    this.writing(() =>
      this.db
        .transaction(() => {
          this.refreshCopies(full);
          this.saveLedger(build(this.loadLedgerInputs()));
        })
        .immediate(),
    );
  }

  /** Copy verdicts over every committed document, in ledger order (documents of other processes included); all found again when `full`. */
  private refreshCopies(full: boolean): void {
    // Documents stored before the containment sample was kept get it now, once.
    const missing = this.db.prepare('SELECT id, text FROM documents WHERE shingles IS NULL').all() as Array<{ id: string; text: string | Buffer }>;
    const fill = this.db.prepare('UPDATE documents SET shingles = ? WHERE id = ?');
    for (const m of missing) fill.run(packShingles(shingleSample(unpackText(m.text))), m.id);
    const rows = (this.db.prepare('SELECT id, seq, source, simhash, text_hash AS textHash, shingles, duplicate_of AS duplicateOf FROM documents').all() as Array<DocKey & { seq: number; duplicateOf: string | null }>).map((r) => ({ ...r, shingles: unpackShingles(r.shingles) }));
    // The documents added since the stored ledger (seqs only grow): the others' verdicts stand
    // unless an added one could change them (ledger-order.ts). A sample just filled, or no
    // ledger yet, and every verdict is found again.
    const since = full || missing.length ? null : this.ledgerLastSeq();
    const copies = since === null ? copiesInOrder(rows) : copiesAfterAdding(rows, new Set(rows.filter((r) => r.seq > since).map((r) => r.id)));
    const set = this.db.prepare('UPDATE documents SET duplicate_of = ? WHERE id = ?');
    for (const r of rows) {
      const of = copies.get(r.id) ?? null;
      if (of !== r.duplicateOf) set.run(of, r.id);
    }
  }

  raw(hash: string): Buffer | null {
    const row = this.db.prepare('SELECT size, bytes FROM raw_inputs WHERE hash = ?').get(hash) as { size: number; bytes: Buffer } | undefined;
    return row ? unpackRaw(row.bytes, row.size) : null;
  }

  saveLedger(exp: LedgerRows): void {
    const lastDate = lastDates(exp.claims);
    const tx = this.db.transaction(() => {
      // What the search indexes of events and conflicts read from other tables (names, labels):
      // a row whose search text changed with them is written again though it did not change.
      const was = <T>(sql: string): Map<string, T> => new Map(this.db.prepare(sql).raw().all() as Array<[string, T]>);
      const names = was<string>('SELECT id, name FROM entities');
      const labels = was<string>('SELECT id, label FROM events');
      const renamed = new Set(exp.entities.filter((e) => names.get(e.id) !== e.name).map((e) => e.id));
      const liveEntities = new Set(exp.entities.map((e) => e.id));
      for (const id of names.keys()) if (!liveEntities.has(id)) renamed.add(id);
      const relabelled = new Set(exp.events.filter((v) => labels.get(v.id) !== v.label).map((v) => v.id));
      const participants = new Map(exp.events.map((v) => [v.id, v.participants]));
      const conflictEvent = new Map(exp.conflicts.map((k) => [k.id, k.event]));
      // The members of the ids dropped are kept before any table is written (redirects.ts).
      const dropped = (table: string, rows: ReadonlyArray<{ id: string }>): string[] => {
        const live = new Set(rows.map((r) => r.id));
        return (this.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]).filter((id) => !live.has(id));
      };
      keepDropped(this.db, { entity: dropped('entities', exp.entities), event: dropped('events', exp.events), conflict: dropped('conflicts', exp.conflicts) });
      // One table at a time, so that one table's plan is held at once.
      const written: Record<string, TablePlan['stats']> = {};
      const write = (plan: TablePlan): void => {
        plan.apply();
        written[plan.table] = plan.stats;
      };
      write(planTable(this.db, 'entities', ledgerColumns.entities, exp.entities, entityRow));
      syncKeyed(this.db, 'speakers', ['document', 'local'], 'entity', speakerPairs(exp.speakers));
      write(planTable(this.db, 'events', ledgerColumns.events, exp.events, (v) => eventRow(v, lastDate), (id) => participants.get(id)!.some((p) => renamed.has(p))));
      // The rule's name (the last value) is written as its number.
      write(planTable(this.db, 'claims', ledgerColumns.claims, exp.claims, claimRow, undefined, (v) => [...v.slice(0, -1), v.at(-1) === null ? null : this.rules.code(v.at(-1) as string)]));
      write(planTable(this.db, 'conflicts', ledgerColumns.conflicts, exp.conflicts, conflictRow, (id) => relabelled.has(conflictEvent.get(id)!)));
      saveMentions(this.db, exp.mentions ?? []);
      updateRedirects(this.db);
      this.lastLedgerWrite = written;
      // In the same transaction: the ledger and the mark of what it reflects commit together.
      this.db.prepare('INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)').run(LEDGER_OF, this.generation());
    });
    tx();
  }

  ledgerDigests(): LedgerDigests {
    const entities = new Map(this.db.prepare('SELECT id, digest FROM entities').raw().all() as Array<[string, string | null]>);
    const claims = new Map<string, Array<string | null>>();
    for (const [event, d] of this.db.prepare('SELECT event, digest FROM claims ORDER BY rowid').raw().iterate() as Iterable<[string, string | null]>) {
      const list = claims.get(event);
      if (list) list.push(d);
      else claims.set(event, [d]);
    }
    const events = new Map<string, string | null>();
    for (const [id, d] of this.db.prepare('SELECT id, digest FROM events').raw().iterate() as Iterable<[string, string | null]>) events.set(id, eventDigest(d, claims.get(id) ?? []));
    return { entities, events };
  }

  conflictsOf(event: string): StoredConflict[] {
    // Asked once for every event an update keeps: prepared once.
    this.conflictsOfEvent ??= this.db.prepare(`SELECT ${conflictColumns} FROM conflicts k WHERE k.event = ? ORDER BY k.rowid`);
    return (this.conflictsOfEvent.all(event) as ConflictDbRow[]).map(conflictOfRow);
  }

  redirect(kind: RedirectKind, id: string): string[] {
    return redirectOf(this.db, kind, id);
  }

  loadExport(): WalkbackExport {
    return this.reading(() => collectExport(this.exportRows()));
  }

  reading<T>(read: () => T): T {
    if (this.db.inTransaction) return read();
    this.db.exec('BEGIN');
    try {
      return read();
    } finally {
      this.db.exec('COMMIT');
    }
  }

  /**
   * The export's rows, read a page at a time as they are iterated. Documents and statements
   * in ledger order, so that the same documents export the same whatever order they were added
   * in; a document's statements in the order they were written.
   */
  exportRows(): ExportRows {
    const keys = (): Array<{ id: string; source: string }> => inLedgerOrder(this.db.prepare('SELECT id, source FROM documents').all() as Array<{ id: string; source: string }>);
    const db = this.db;
    // Where each row was published comes from its document (so a store built before rows
    // carried it exports it too): a small map of every document's source fields, read once.
    let sourceMap: Map<string, SourceFields> | null = null;
    const sources = (): Map<string, SourceFields> => {
      if (sourceMap) return sourceMap;
      sourceMap = new Map();
      for (const r of db.prepare('SELECT id, source, analysis FROM documents').iterate() as Iterable<{ id: string; source: string; analysis: Buffer | string }>) sourceMap.set(r.id, sourceFields(unpackJson<StoredAnalysis>(r.analysis).meta, r.source));
      return sourceMap;
    };
    const sourced = <T extends { document: string }>(row: T): T & SourceFields => ({ ...row, ...(sources().get(row.document) ?? noSource()) });
    const ledger = this.ledgerRows.bind(this);
    return {
      schema: 'walkback.export/v1',
      documents: {
        *[Symbol.iterator]() {
          const read = db.prepare('SELECT id, source, text, analysis, duplicate_of FROM documents WHERE id IN (SELECT value FROM json_each(?))');
          for (const ids of idPages(keys())) {
            const rows = new Map((read.all(JSON.stringify(ids)) as Array<Omit<StoredRow, 'ledger_input' | 'raw_hash'>>).map((r) => [r.id, r]));
            for (const id of ids) {
              const r = rows.get(id)!;
              const m = unpackJson<StoredAnalysis>(r.analysis).meta;
              yield { id: r.id, source: shareableSource(r.source), url: documentUrl(m, r.source), title: m.title, published: m.published?.date ?? null, publishedFrom: m.published?.source ?? null, outlet: m.outlet, authors: m.authors, language: m.language, duplicateOf: r.duplicate_of, text: unpackText(r.text) };
            }
          }
        },
      },
      statements: {
        *[Symbol.iterator]() {
          const read = db.prepare(`SELECT ${statementColumns} FROM ${statementWithSpeaker} WHERE s.document IN (SELECT value FROM json_each(?)) ORDER BY s.rowid`);
          for (const ids of idPages(keys())) {
            const byDoc = new Map<string, StatementDbRow[]>();
            for (const r of read.all(JSON.stringify(ids)) as StatementDbRow[]) {
              const list = byDoc.get(r.document);
              if (list) list.push(r);
              else byDoc.set(r.document, [r]);
            }
            for (const id of ids) for (const r of byDoc.get(id) ?? []) yield sourced(statementOfRow(r));
          }
          // Statements of no stored document (none are written so) would come last.
          for (const r of db.prepare(`SELECT ${statementColumns} FROM ${statementWithSpeaker} WHERE s.document NOT IN (SELECT id FROM documents) ORDER BY s.rowid`).iterate() as Iterable<StatementDbRow>) yield sourced(statementOfRow(r));
        },
      },
      entities: this.ledgerRows('entities'),
      events: this.ledgerRows('events', eventColumns, (r) => eventOfRow(r as unknown as EventDbRow)),
      claims: {
        *[Symbol.iterator]() {
          for (const c of ledger<ClaimRow>('claims', claimColumns, (r) => claimOfRow(r as unknown as ClaimDbRow))) yield sourced(c);
        },
      },
      conflicts: {
        *[Symbol.iterator]() {
          // Which document each of a page's claims is in, for the conflicts' sources: read a page at a time.
          let page: StoredConflict[] = [];
          const flush = (): ConflictRow[] => {
            const out = withConflictSources(page, claimDocuments(db, page.flatMap((k) => k.claims)), sources());
            page = [];
            return out;
          };
          for (const k of ledger('conflicts', conflictColumns, (r) => conflictOfRow(r as unknown as ConflictDbRow))) {
            page.push(k);
            if (page.length >= PAGE) yield* flush();
          }
          if (page.length) yield* flush();
        },
      },
    };
  }

  /**
   * A ledger table's export rows in the order written, a page at a time: its `data` column, or
   * what `read` makes of the `columns` it names (of the table as every query names it: e
   * entities, v events, c claims, k conflicts).
   */
  private ledgerRows<T>(table: keyof typeof TABLE_ALIAS, columns = `${TABLE_ALIAS[table]}.data`, read: (r: Record<string, unknown>) => T = (r) => JSON.parse(r.data as string) as T): Iterable<T> {
    const t = TABLE_ALIAS[table];
    const page = this.db.prepare(`SELECT ${t}.rowid AS rowid, ${columns} FROM ${table} ${t} WHERE ${t}.rowid > ? ORDER BY ${t}.rowid LIMIT ?`);
    return {
      *[Symbol.iterator]() {
        let after = 0;
        for (;;) {
          const rows = page.all(after, PAGE) as Array<Record<string, unknown> & { rowid: number }>;
          if (!rows.length) return;
          after = rows[rows.length - 1]!.rowid;
          for (const r of rows) yield read(r);
        }
      },
    };
  }

  counts(): StoreCounts {
    const n = (t: string): number => (this.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number) ?? 0;
    return { documents: n('documents'), entities: n('entities'), statements: n('statements'), events: n('events'), claims: n('claims'), conflicts: n('conflicts') };
  }

  notAnalysed(): NotAnalysed[] {
    // The analysis is packed (packed.ts): its url is read here, not by SQLite's json_extract.
    const rows = this.db
      .prepare(`SELECT id, source, language, analysis FROM documents WHERE ${notAnalysedWhere} ORDER BY seq`)
      .all(JSON.stringify(ANALYSED_LANGUAGES)) as Array<NotAnalysed & { analysis: Buffer | string }>;
    return rows.map((r) => ({ id: r.id, source: citation(documentUrl(unpackJson<StoredAnalysis>(r.analysis).meta, r.source), r.source), language: r.language }));
  }

  close(): void {
    this.db.close();
  }
}

export function openStore(file: string, opts: { readOnly?: boolean } = {}): Store {
  return new SqliteStore(file, opts);
}
