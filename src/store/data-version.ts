/**
 * Which state of the store a connection sees, as a string that changes whenever a write is
 * committed: by another connection or process (PRAGMA data_version) or by this connection
 * (total_changes()). The connection's own TEMP tables (ranks.ts) are written through `temp`,
 * so that building them does not count as a change: what was read before them is still current.
 */
import type Database from 'better-sqlite3';

export class DataVersion {
  /** Rows this connection wrote to its TEMP tables: taken off total_changes(). */
  private tempChanges = 0;
  private readonly changes: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.changes = db.prepare('SELECT total_changes()').pluck();
  }

  current(): string {
    return `${this.db.pragma('data_version', { simple: true }) as number}:${(this.changes.get() as number) - this.tempChanges}`;
  }

  /** Run `write` (to TEMP tables only) without it counting as a change of the store. */
  temp<T>(write: () => T): T {
    const before = this.changes.get() as number;
    try {
      return write();
    } finally {
      this.tempChanges += (this.changes.get() as number) - before;
    }
  }
}
