/**
 * The two backends of the store port for the contract suites (test/store/contract*.test.ts): a
 * SQLite file in a temp folder, and a database of its own on the run's PostgreSQL server
 * (test/helpers/pg-global-setup.ts), dropped when done. `pgUrl` is empty when there is none.
 */
import { inject } from 'vitest';
import { join } from 'node:path';
import { openDocumentStore } from '../../src/store/open.js';
import type { Backend, DocumentStore } from '../../src/store/port.js';
import { tempDir } from '../helpers/tmp.js';
import { dropDatabase, freshDatabase } from '../helpers/pg-cluster.js';

export const pgUrl = inject('pgUrl');

export interface Opened {
  store: DocumentStore;
  /** Where it is: the file, or the database URL (for the CLI). */
  db: string;
  done: () => Promise<void>;
}

export const backends: Array<[Backend, () => Promise<Opened>]> = [
  [
    'sqlite',
    async () => {
      const db = join(tempDir(), 'walkback.db');
      const store = await openDocumentStore(db);
      return { store, db, done: () => store.close() };
    },
  ],
  [
    'postgres',
    async () => {
      const db = await freshDatabase(pgUrl);
      const store = await openDocumentStore(db);
      return {
        store,
        db,
        done: async () => {
          await store.close();
          await dropDatabase(pgUrl, db);
        },
      };
    },
  ],
];

/** Whether a backend's suite is skipped (PostgreSQL without a server). */
export const skipped = (backend: Backend): boolean => backend === 'postgres' && !pgUrl;
