/**
 * One document saved with one statement: its raw input, its row and its statements, inserted by
 * the sub-statements of one WITH. Each was a statement of its own, a round trip each, between a
 * BEGIN and a COMMIT; a queue job saves a document at a time, so that was six round trips a
 * document, each a write to the server's socket and a wake-up of the server, for the work of one.
 * A statement on its own is a transaction of its own (and its foreign key to raw_inputs is
 * checked at its end, the raw input inserted), so a job's one document needs no BEGIN.
 */
import type pg from 'pg';
import { PIPELINE_VERSION } from '../../version.js';
import { packRaw } from '../packed.js';
import type { DocRow } from '../store.js';
import { CHANGED_CHANNEL, countCommit, poolToken } from './transaction.js';

const STATEMENT_COLUMNS = ['id', 'speakerLocal', 'speakerText', 'kind', 'text', 'date', 'data', 'rule'] as const;

/** The statement, with the change notice of a write made alone when `announce`. */
function saveSql(announce: boolean): string {
  return `WITH raw AS (
      INSERT INTO raw_inputs (hash, size, bytes) VALUES ($3, $17, $18) ON CONFLICT DO NOTHING
    ), doc AS (
      INSERT INTO documents (id, source, raw_hash, title, published, outlet, language, duplicate_of, text_hash, simhash, shingles, text, analysis, ledger_input, pipeline_version, added_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (id) DO NOTHING RETURNING seq
    ), said AS (
      -- One statement per row, in the order written (WITH ORDINALITY keeps it for row_no).
      INSERT INTO statements (id, document, speaker_local, speaker_text, kind, text, date, data, rule, sort_date, doc_seq)
      SELECT t.id, $1, t.speaker_local, t.speaker_text, t.kind, t.text, t.date, t.data, t.rule, COALESCE(t.date, $5), doc.seq
      FROM doc, unnest($19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[]) WITH ORDINALITY AS t(id, speaker_local, speaker_text, kind, text, date, data, rule, n)
      ORDER BY t.n ON CONFLICT DO NOTHING
    )
    SELECT (SELECT seq FROM doc) AS seq${announce ? ', pg_notify($27, $28)' : ''}`;
}

const ALONE = { name: 'walkback_save_doc_alone', text: saveSql(true) };
const IN_TRANSACTION = { name: 'walkback_save_doc', text: saveSql(false) };

function params(r: DocRow, now: string): unknown[] {
  return [
    r.id, r.source, r.rawHash, r.title, r.published, r.outlet, r.language, r.duplicateOf, r.textHash, r.simhash, r.shingles, r.text, r.analysis, r.ledgerInput, PIPELINE_VERSION, now,
    r.raw.length, packRaw(r.raw),
    ...STATEMENT_COLUMNS.map((k) => r.statements.map((s) => s[k])),
  ];
}

/** Save `r` on `c`, inside a transaction the caller holds; whether it was new. */
export async function saveDocIn(c: pg.ClientBase, r: DocRow, now: string): Promise<boolean> {
  const res = await c.query<{ seq: string | null }>({ ...IN_TRANSACTION, values: params(r, now) });
  return res.rows[0]?.seq != null;
}

/** Save `r` alone: one statement, its own transaction, announced as a write; whether it was new. */
export async function saveDocAlone(pool: pg.Pool, r: DocRow, now: string): Promise<boolean> {
  const res = await pool.query<{ seq: string | null }>({ ...ALONE, values: [...params(r, now), CHANGED_CHANNEL, poolToken(pool)] });
  countCommit(pool);
  return res.rows[0]?.seq != null;
}
