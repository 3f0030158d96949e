/**
 * A rebuilt ledger as the corpus stages hand it to a store: every table's rows but the
 * conflicts', and the steps that find the conflicts (core/steps.ts). A PostgreSQL store writes
 * the other tables while the conflicts are found (store/postgres/ledger.ts); SQLite finds them
 * first.
 */
import type { ConflictRow } from '../core/rows.js';
import { drain } from '../core/steps.js';
import type { LedgerRows } from './store.js';

export interface StagedLedger {
  rows: Omit<LedgerRows, 'conflicts'>;
  conflicts: Iterator<unknown, ConflictRow[]>;
}

/** Rows already made, conflicts included, as a staged ledger. */
export function staged(rows: LedgerRows): StagedLedger {
  const { conflicts, ...rest } = rows;
  return { rows: rest, conflicts: done(conflicts) };
}

/** The whole ledger, its conflicts found. */
export function finished(ledger: StagedLedger): LedgerRows {
  return { ...ledger.rows, conflicts: drain(ledger.conflicts) };
}

/** Steps already taken: the first gives the result. */
const done = <T>(value: T): Iterator<unknown, T> => ({ next: () => ({ done: true, value }) });
