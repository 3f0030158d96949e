/**
 * Rule names kept once (SQLite). The name of the rule that made a statement or claim
 * ("events/trigger/meeting/noun+participants-clause+anaphora") was the largest cell of its row:
 * a store holds a hundred or so names, each written tens of thousands of times. A row keeps the
 * name's number in its `rule` column instead, and is read back with the name (ruleNameSql), so
 * that every reader gets the rows it got before. A row written before keeps the name in its data,
 * and reads the same.
 */
import type Database from 'better-sqlite3';

export const ruleNamesSchemaSql = 'CREATE TABLE IF NOT EXISTS rule_names (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)';

/** The tables whose rows name their rule by number. */
export const ruleCodedTables = ['statements', 'claims'] as const;

/** The rule name of a row of `t` (a table alias), in SQL; NULL for a row that keeps it in its data. */
export const ruleNameSql = (t: string): string => `(SELECT name FROM rule_names WHERE code = ${t}.rule)`;

/**
 * The number of each rule name, made the first time a name is written. Numbers are never
 * changed or reused, so one known is kept, unless the write it was made in failed (forget).
 */
export class RuleCodes {
  private readonly codes = new Map<string, number>();
  private add?: Database.Statement;
  private find?: Database.Statement;

  constructor(private readonly db: Database.Database) {}

  code(name: string): number {
    const known = this.codes.get(name);
    if (known !== undefined) return known;
    this.add ??= this.db.prepare('INSERT OR IGNORE INTO rule_names (name) VALUES (?)');
    this.find ??= this.db.prepare('SELECT code FROM rule_names WHERE name = ?').pluck();
    this.add.run(name);
    const code = this.find.get(name) as number;
    this.codes.set(name, code);
    return code;
  }

  /** After a write that failed: the numbers it made were rolled back with it. */
  forget(): void {
    this.codes.clear();
  }
}
