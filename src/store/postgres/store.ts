/**
 * The PostgreSQL store (node-postgres): the same tables as the SQLite file, shared by any
 * number of processes on any number of machines. Documents are written in a transaction per
 * batch (a lone one, a queue job's, by one statement: save-doc.ts); the ledger is rebuilt under
 * an advisory lock, so two workers never rebuild at once and the last rebuild reflects every
 * committed document.
 */
import type pg from 'pg';
import type { Doc } from '../../core/types.js';
import type { WalkbackExport } from '../../report/export.js';
import { collectExportStream, writeExportJson } from '../../report/export-json.js';
import { ANALYSED_LANGUAGES } from '../../core/analysed-languages.js';
import { citation, documentUrl } from '../../core/source-ref.js';
import { applyCorrections } from '../../corrections/apply.js';
import { correctionOfRow, type CorrectionDbRow } from '../../corrections/log.js';
import { unpackJson, unpackRaw } from '../packed.js';
import { compareDocKeys, copiesInOrder, type DocKey } from '../ledger-order.js';
import { fromLedgerInput, type DocRow, type LedgerInput, type LedgerRows, type NotAnalysed, type StoreCounts, type StoredAnalysis } from '../store.js';
import type { RedirectKind } from '../redirects.js';
import { finished, staged, type StagedLedger } from '../staged-ledger.js';
import type { DocumentStore, LedgerReads, Signature, SnapshotReads, StoreVersionFeed } from '../port.js';
import { LOCKS, connect, publicName } from './connect.js';
import { inTransaction } from './transaction.js';
import { saveDocAlone, saveDocIn } from './save-doc.js';
import { PgChangeFeed } from './changes.js';
import { PgCorrections } from './corrections.js';
import { PgWatchState } from './watch.js';
import { pgSnapshotReads } from './snapshot-reads.js';
import { writeLedger } from './ledger.js';
import { writeEntityRanks } from './ranks.js';
import { PgReads } from './reads.js';

/** store_meta key: the documents the stored ledger reflects (count:last seq). */
const LEDGER_OF = 'ledger_of';

type Queryable = pg.Pool | pg.PoolClient;

/** Which documents the ledger must reflect: documents are only added, each with a greater seq. */
async function generation(q: Queryable): Promise<string> {
  const r = (await q.query<{ n: string; last: string }>('SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS last FROM documents')).rows[0]!;
  return `${r.n}:${r.last}`;
}

export class PgDocumentStore implements DocumentStore {
  readonly backend = 'postgres' as const;
  readonly name: string;
  private readModel?: PgReads;
  readonly corrections: PgCorrections;

  private constructor(
    readonly pool: pg.Pool,
    /** The database's URL, credentials and all: for connections of other threads (the worker's heartbeat). */
    readonly url: string,
  ) {
    this.name = publicName(url);
    this.corrections = new PgCorrections(pool);
  }

  /** Connect to `url` and bring its schema up to date. */
  static async open(url: string, opts: { max?: number } = {}): Promise<PgDocumentStore> {
    return new PgDocumentStore(await connect(url, opts), url);
  }

  async knownHashes(): Promise<Set<string>> {
    return new Set((await this.pool.query<{ raw_hash: string }>('SELECT raw_hash FROM documents')).rows.map((r) => r.raw_hash));
  }

  async signatures(): Promise<Signature[]> {
    return (await this.pool.query<Signature>(`SELECT id, simhash, text_hash AS "textHash", COALESCE(shingles, '') AS shingles FROM documents ORDER BY seq`)).rows;
  }

  async saveDocs(rows: DocRow[]): Promise<number> {
    if (!rows.length) return 0;
    const now = new Date().toISOString();
    // A queue job's one document: one statement, its own transaction (save-doc.ts).
    if (rows.length === 1) return (await saveDocAlone(this.pool, rows[0]!, now)) ? 1 : 0;
    return inTransaction(this.pool, async (c) => {
      let added = 0;
      for (const r of rows) if (await saveDocIn(c, r, now)) added++;
      return added;
    });
  }

  async loadLedgerInputs(): Promise<Doc[]> {
    return (await this.ledgerInputs(this.pool)).docs;
  }

  /** The documents the corpus stages read, and the generation they make (read in one statement: the same set). */
  private async ledgerInputs(q: Queryable): Promise<{ docs: Doc[]; generation: string }> {
    // In binary: the packed inputs come as they are stored, not as hex text to decode (this query
    // at 10,000 documents: 0.63 -> 0.45 s). node-postgres reads `binary` from a query's config;
    // its types do not declare it.
    const read = { text: 'SELECT id, source, raw_hash, seq, text, ledger_input, duplicate_of FROM documents', binary: true } as pg.QueryConfig;
    const rows = (await q.query<{ id: string; source: string; raw_hash: string; seq: string; text: string; ledger_input: Buffer; duplicate_of: string | null }>(read)).rows;
    const last = rows.reduce((m, r) => Math.max(m, Number(r.seq)), 0);
    const docs = rows.sort(compareDocKeys).map((r) => {
      const d = fromLedgerInput({ id: r.id, source: r.source, rawHash: r.raw_hash }, r.text, unpackJson<LedgerInput>(r.ledger_input));
      d.meta = { ...d.meta, duplicateOf: r.duplicate_of };
      return d;
    });
    return { docs, generation: `${rows.length}:${last}` };
  }

  async rebuildLedger(build: (docs: Doc[]) => StagedLedger): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      // Held to the end of the transaction: another worker's rebuild waits, then sees these rows.
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.ledger]);
      await this.refreshCopies(c);
      // The ledger is marked with the documents it was built from: one committed by another
      // worker since (read committed) leaves it stale, to be rebuilt, never marked as in it.
      const { docs, generation } = await this.ledgerInputs(c);
      await this.saveLedgerOn(c, await this.corrected(c, build(docs)), generation);
    });
  }

  /** Copy verdicts over every committed document, in ledger order. */
  private async refreshCopies(c: pg.PoolClient): Promise<void> {
    const rows = (await c.query<DocKey & { duplicateOf: string | null }>(`SELECT id, source, simhash, text_hash AS "textHash", COALESCE(shingles, '') AS shingles, duplicate_of AS "duplicateOf" FROM documents`)).rows;
    const copies = copiesInOrder(rows);
    const changed = rows.filter((r) => (copies.get(r.id) ?? null) !== r.duplicateOf);
    if (changed.length) await c.query('UPDATE documents d SET duplicate_of = t.of FROM unnest($1::text[], $2::text[]) AS t(id, of) WHERE d.id = t.id', [changed.map((r) => r.id), changed.map((r) => copies.get(r.id) ?? null)]);
  }

  /**
   * The editor's corrections (the corrections table) over the machine's rows, each outcome
   * recorded. With none, the rows as they come: their conflicts still to find while the rest is
   * written.
   */
  private async corrected(c: pg.PoolClient, rows: StagedLedger): Promise<StagedLedger> {
    const all = (await c.query<CorrectionDbRow>('SELECT * FROM corrections ORDER BY seq')).rows.map(correctionOfRow);
    if (!all.length) return rows;
    const { ledger, outcomes } = applyCorrections(finished(rows), all);
    for (const o of outcomes) await c.query('UPDATE corrections SET state = $1, detail = $2, resolved = $3 WHERE id = $4', [o.state, o.detail, JSON.stringify(o.resolved), o.id]);
    return staged(ledger);
  }

  async saveLedger(rows: LedgerRows): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.ledger]);
      await this.saveLedgerOn(c, staged(rows), await generation(c));
    });
  }

  private async saveLedgerOn(c: pg.PoolClient, rows: StagedLedger, of: string): Promise<void> {
    await writeLedger(c, rows);
    await writeEntityRanks(c);
    // In the same transaction: the ledger and the mark of what it reflects commit together.
    await c.query('INSERT INTO store_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [LEDGER_OF, of]);
  }

  async ledgerStale(): Promise<boolean> {
    const of = (await this.pool.query<{ value: string }>('SELECT value FROM store_meta WHERE key = $1', [LEDGER_OF])).rows[0]?.value;
    return (of ?? '0:0') !== (await generation(this.pool));
  }

  async raw(hash: string): Promise<Buffer | null> {
    const row = (await this.pool.query<{ size: number; bytes: Buffer }>('SELECT size, bytes FROM raw_inputs WHERE hash = $1', [hash])).rows[0];
    return row ? unpackRaw(row.bytes, row.size) : null;
  }

  async redirect(kind: RedirectKind, id: string): Promise<string[]> {
    return this.reads().redirect(kind, id);
  }

  /** `read` on one REPEATABLE READ snapshot, on a client of its own. */
  changeFeed(): Promise<StoreVersionFeed> {
    return PgChangeFeed.listen(this.pool);
  }

  async readSnapshot<T>(read: (reads: SnapshotReads) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (c) => read(pgSnapshotReads(c)), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async loadExport(): Promise<WalkbackExport> {
    return this.readSnapshot((reads) => collectExportStream(reads.exportRows()));
  }

  async writeExport(write: (s: string) => void): Promise<void> {
    await this.readSnapshot((reads) => writeExportJson(reads.exportRows(), write));
  }

  async counts(): Promise<StoreCounts> {
    const r = (
      await this.pool.query<Record<keyof StoreCounts, string>>(
        `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM entities) AS entities, (SELECT COUNT(*) FROM statements) AS statements,
                (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM claims) AS claims, (SELECT COUNT(*) FROM conflicts) AS conflicts`,
      )
    ).rows[0]!;
    return { documents: Number(r.documents), entities: Number(r.entities), statements: Number(r.statements), events: Number(r.events), claims: Number(r.claims), conflicts: Number(r.conflicts) };
  }

  async notAnalysed(): Promise<NotAnalysed[]> {
    const rows = (
      await this.pool.query<{ id: string; source: string; language: string; analysis: Buffer }>(
        'SELECT id, source, language, analysis FROM documents WHERE language IS NOT NULL AND NOT (language = ANY($1)) ORDER BY seq',
        [[...ANALYSED_LANGUAGES]],
      )
    ).rows;
    return rows.map((r) => ({ id: r.id, source: citation(documentUrl(unpackJson<StoredAnalysis>(r.analysis).meta, r.source), r.source), language: r.language }));
  }

  reads(): PgReads {
    return (this.readModel ??= new PgReads(this.pool));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async storedHashes(hashes: readonly string[]): Promise<Set<string>> {
    return new Set((await this.pool.query<{ raw_hash: string }>('SELECT raw_hash FROM documents WHERE raw_hash = ANY($1)', [[...hashes]])).rows.map((r) => r.raw_hash));
  }

  /** The watch tables come with the schema (migration 4): there whether or not watch ran. */
  async watchState(): Promise<PgWatchState> {
    return new PgWatchState(this.pool);
  }
}

export type { LedgerReads };
