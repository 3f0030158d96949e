import type Database from 'better-sqlite3';

/** The names of a table's columns (a store written before may lack the newer ones). */
export function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
}

/**
 * Add each column (`table`, `column`, `type`) its table lacks: a store made before a column
 * was. Looked for again under the write lock: two processes opening a new store at once both
 * found a column missing, and the second's ALTER failed. An open that finds none missing takes
 * no lock.
 */
export function addMissingColumns(db: Database.Database, columns: ReadonlyArray<readonly [table: string, column: string, type: string]>): void {
  const missing = (): Array<readonly [string, string, string]> => columns.filter(([table, column]) => !columnsOf(db, table).has(column));
  if (!missing().length) return;
  db.transaction(() => {
    for (const [table, column, type] of missing()) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }).immediate();
}
