/**
 * A store locked by another process past the wait: the error names the store, and documents
 * already analysed are kept and saved once the lock is released, not dropped with their batch.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, StoreError } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { tempDir } from '../helpers/tmp.js';

const TEXTS = [
  'Quarry Road Reopens\n\nThe county engineer said on Thursday that the quarry road would reopen next week.\n',
  'Ferry Fares Rise\n\nThe ferry operator said on Monday that fares would rise by a tenth in the spring.\n',
];

/** Another connection holding the write lock, as another process's long write would. */
function holdLock(file: string): () => void {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  return () => {
    other.exec('ROLLBACK');
    other.close();
  };
}

describe('a locked store', () => {
  it('fails a write with an error naming the store, not a bare "database is locked"', async () => {
    const file = join(tempDir(), 'locked.db');
    new SqliteStore(file).close();
    const store = new SqliteStore(file, { lockWaitMs: 100 });
    const release = holdLock(file);
    try {
      const dir = tempDir();
      writeFileSync(join(dir, 'a.txt'), TEXTS[0]!);
      const err = await analyzeIntoStore(store, [join(dir, 'a.txt')], { jobs: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: locked by another process .*database is locked`));
    } finally {
      release();
      store.close();
    }
  }, 20_000);

  it('keeps an analysed batch the lock refused and saves it with the next one', async () => {
    const file = join(tempDir(), 'locked.db');
    new SqliteStore(file).close();
    const store = new SqliteStore(file, { lockWaitMs: 100 });
    const dir = tempDir();
    TEXTS.forEach((t, i) => writeFileSync(join(dir, `${i}.txt`), t));
    let release: (() => void) | null = holdLock(file);
    try {
      // One document a batch: the first save meets the lock, which is released right after.
      const summary = await analyzeIntoStore(store, [dir], {
        jobs: 0,
        batchSize: 1,
        onItem: () => {
          release?.();
          release = null;
        },
      });
      expect(summary.added).toBe(2);
      expect(store.counts().documents).toBe(2);
    } finally {
      release?.();
      store.close();
    }
  }, 20_000);
});
