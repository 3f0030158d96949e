import type Database from 'better-sqlite3';

/** The names of a table's columns (a store written before may lack the newer ones). */
export function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
}
