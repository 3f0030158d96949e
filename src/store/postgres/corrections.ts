/**
 * The editor's corrections in a PostgreSQL store (the corrections table of migration 1): the
 * same calls and rows as SQLite's CorrectionLog (src/corrections/log.ts). The ledger rebuild
 * applies them and records their outcomes (src/store/postgres/store.ts).
 */
import type pg from 'pg';
import { correctionOfRow, type CorrectionDbRow, type CorrectionStore } from '../../corrections/log.js';
import type { Anchor, Correction, CorrectionInput } from '../../corrections/kinds.js';
import { LOCKS } from './connect.js';
import { inTransaction } from './transaction.js';

export class PgCorrections implements CorrectionStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<Correction[]> {
    return (await this.pool.query<CorrectionDbRow>('SELECT * FROM corrections ORDER BY seq')).rows.map(correctionOfRow);
  }

  async get(id: string): Promise<Correction | null> {
    const r = (await this.pool.query<CorrectionDbRow>('SELECT * FROM corrections WHERE id = $1', [id])).rows[0];
    return r ? correctionOfRow(r) : null;
  }

  /** Keep a new correction; its id is `x` and its number in the order made (two editors at once are numbered one after the other). */
  async add(input: CorrectionInput, anchors: Record<string, Anchor>, by: string, at: string): Promise<string> {
    return inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.corrections]);
      const seq = Number((await c.query<{ n: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM corrections')).rows[0]!.n);
      const id = `x${seq}`;
      await c.query('INSERT INTO corrections (seq, id, kind, target, input, anchors, made_by, made_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        seq,
        id,
        input.kind,
        input.target,
        JSON.stringify(input),
        JSON.stringify(anchors),
        by,
        at,
      ]);
      return id;
    });
  }

  async undo(id: string, by: string, at: string): Promise<void> {
    await this.pool.query("UPDATE corrections SET undone_by = $1, undone_at = $2, state = 'undone', detail = NULL WHERE id = $3", [by, at, id]);
  }
}
