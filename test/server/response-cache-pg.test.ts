/**
 * The response cache on a PostgreSQL store: answers are kept while the state of the store is
 * known, which a connection listening for the notice every committed write sends tells
 * (src/store/postgres/changes.ts). A write by this process is seen at once; a write by another
 * (a worker on another machine) as soon as its notice arrives.
 */
import { describe, it, expect, inject } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildApp } from '../../src/server/app.js';
import { PgDocumentStore } from '../../src/store/postgres/store.js';
import { analyzeIntoPort } from '../../src/run-port.js';
import { withDatabase } from '../helpers/pg-cluster.js';
import { tempDir } from '../helpers/tmp.js';
import { keptOnSecondAsk } from './fixture.js';

const pgUrl = inject('pgUrl');

function article(dir: string, name: string, text: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, `${name}.txt`), text);
  return folder;
}

describe.skipIf(!pgUrl)('the response cache on PostgreSQL', () => {
  it('keeps answers until a write commits, by this server or by another process', async () => {
    await withDatabase(pgUrl!, 'cache', async (url) => {
      const dir = tempDir();
      const store = await PgDocumentStore.open(url);
      await analyzeIntoPort(store, [article(dir, 'a', 'Harbor talks set for May\n\nPort Minister Lena Ostrow said on Tuesday that the harbor talks with Kestria will be held in May.')], { published: '2031-05-02' });
      const app = await buildApp({ store, uiRoot: null, searchWorkers: 0 });
      try {
        const first = await keptOnSecondAsk(app, '/api/documents?limit=50');

        // Another process adds an article: its notice drops the kept answers.
        const other = await PgDocumentStore.open(url);
        try {
          await analyzeIntoPort(other, [article(dir, 'b', 'Mill strike called off\n\nUnion leader Ansel Varga said on Monday that the strike at the Dunmore mill had been called off.')], { published: '2031-05-03' });
        } finally {
          await other.close();
        }
        let after = await app.inject('/api/documents?limit=50');
        for (let i = 0; i < 50 && after.headers['x-walkback-cache'] === 'hit'; i++) {
          await new Promise((r) => setTimeout(r, 100));
          after = await app.inject('/api/documents?limit=50');
        }
        expect(after.headers['x-walkback-cache']).toBeUndefined();
        expect(after.json().total).toBe(first.json().total + 1);
        expect((await app.inject('/api/documents?limit=50')).headers['x-walkback-cache']).toBe('hit');

        // A write through this server's own store is seen by the very next request.
        await analyzeIntoPort(store, [article(dir, 'c', 'Ferry link delayed\n\nTransport Secretary Ilse Brandt said on Friday that the ferry link to Kestria would be delayed until June.')], { published: '2031-05-04' });
        const own = await app.inject('/api/documents?limit=50');
        expect(own.headers['x-walkback-cache']).toBeUndefined();
        expect(own.json().total).toBe(first.json().total + 2);
        // A read-only snapshot is no write: what was kept stays.
        await store.readSnapshot(async () => null);
        expect((await app.inject('/api/documents?limit=50')).headers['x-walkback-cache']).toBe('hit');
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
});
