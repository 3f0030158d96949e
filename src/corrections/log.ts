/**
 * The corrections table: every correction with who made it and when, apart from the ledger
 * tables (a rebuild empties those, never this). Undoing keeps the row, marked undone by whom
 * and when: the table is the audit trail. Created when a writable store opens; a read-only
 * store without it has no corrections.
 */
import type Database from 'better-sqlite3';
import { applyCorrections } from './apply.js';
import { Correction, type Anchor, type CorrectionInput, type Outcome } from './kinds.js';
import type { LedgerRows } from '../store/store.js';
import type { Async } from '../store/port.js';

export const correctionsSql = `
CREATE TABLE IF NOT EXISTS corrections (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  input TEXT NOT NULL,
  anchors TEXT NOT NULL,
  made_by TEXT NOT NULL,
  made_at TEXT NOT NULL,
  undone_by TEXT,
  undone_at TEXT,
  state TEXT NOT NULL DEFAULT 'applied',
  detail TEXT,
  resolved TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS corrections_target ON corrections(target);
`;

export interface CorrectionDbRow {
  id: string;
  input: string;
  anchors: string;
  made_by: string;
  made_at: string;
  undone_by: string | null;
  undone_at: string | null;
  state: string;
  detail: string | null;
  resolved: string;
}

export const correctionOfRow = (r: CorrectionDbRow): Correction =>
  Correction.parse({
    id: r.id,
    input: JSON.parse(r.input),
    anchors: JSON.parse(r.anchors),
    by: r.made_by,
    at: r.made_at,
    undone: r.undone_by !== null ? { by: r.undone_by, at: r.undone_at } : null,
    state: r.state,
    detail: r.detail,
    resolved: JSON.parse(r.resolved),
  });

/** The methods of CorrectionLog that the CLI and the API call, in the port's terms. */
export const correctionStoreMethods = ['list', 'get', 'add', 'undo'] as const;
/** The corrections on any store (SQLite: CorrectionLog; PostgreSQL: src/store/postgres/corrections.ts). */
export type CorrectionStore = Async<Pick<CorrectionLog, (typeof correctionStoreMethods)[number]>>;

export class CorrectionLog {
  constructor(
    private readonly db: Database.Database,
    readOnly: boolean,
  ) {
    if (!readOnly) db.exec(correctionsSql);
  }

  private exists(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'corrections'").get() !== undefined;
  }

  /** Every correction, undone ones included, in the order made. */
  list(): Correction[] {
    if (!this.exists()) return [];
    return (this.db.prepare('SELECT * FROM corrections ORDER BY seq').all() as CorrectionDbRow[]).map(correctionOfRow);
  }

  get(id: string): Correction | null {
    if (!this.exists()) return null;
    const r = this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as CorrectionDbRow | undefined;
    return r ? correctionOfRow(r) : null;
  }

  /** Keep a new correction; its id is `x` and its number in the order made. */
  add(input: CorrectionInput, anchors: Record<string, Anchor>, by: string, at: string): string {
    const seq = ((this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM corrections').pluck().get() as number) ?? 0) + 1;
    const id = `x${seq}`;
    this.db.prepare('INSERT INTO corrections (seq, id, kind, target, input, anchors, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(seq, id, input.kind, input.target, JSON.stringify(input), JSON.stringify(anchors), by, at);
    return id;
  }

  undo(id: string, by: string, at: string): void {
    this.db.prepare("UPDATE corrections SET undone_by = ?, undone_at = ?, state = 'undone', detail = NULL WHERE id = ?").run(by, at, id);
  }

  /**
   * The machine's ledger rows with every correction applied, each correction's outcome
   * recorded; called where the ledger is built (run.ts rebuildLedger), in its transaction.
   */
  applyTo(rows: LedgerRows): LedgerRows {
    const all = this.list();
    if (!all.length) return rows;
    const { ledger, outcomes } = applyCorrections(rows, all);
    this.record(outcomes, new Map(all.map((c) => [c.id, c])));
    return ledger;
  }

  /** Each outcome that differs from the last one kept (most rebuilds change none). */
  private record(outcomes: Outcome[], before: Map<string, Correction>): void {
    const set = this.db.prepare('UPDATE corrections SET state = ?, detail = ?, resolved = ? WHERE id = ?');
    for (const o of outcomes) {
      const was = before.get(o.id);
      const resolved = JSON.stringify(o.resolved);
      if (was && was.state === o.state && was.detail === o.detail && JSON.stringify(was.resolved) === resolved) continue;
      set.run(o.state, o.detail, resolved, o.id);
    }
  }
}
