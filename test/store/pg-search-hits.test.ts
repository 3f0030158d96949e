/**
 * Search on PostgreSQL ranks as SQLite does (src/store/search-hits.ts): a common word's hits are
 * ranked among its latest CANDIDATES matches, so that a search costs the same on a large store,
 * and its total still counts every match; a word with fewer matches is ranked over all of them.
 */
import { describe, it, expect, inject } from 'vitest';
import { PgDocumentStore } from '../../src/store/postgres/store.js';
import { CANDIDATES } from '../../src/store/search-hits.js';
import { withDatabase } from '../helpers/pg-cluster.js';

const pgUrl = inject('pgUrl');

/** `n` statements, each with "harbor" once; `strong` ones say it three times (a higher ts_rank). */
async function fill(store: PgDocumentStore, n: number, strong: number[]): Promise<void> {
  const many = new Set(strong);
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  await store.pool.query(
    `INSERT INTO statements (id, document, speaker_local, speaker_text, kind, text, date, data, sort_date, doc_seq)
     SELECT 'd1:s' || i, 'd1', NULL, 'Ilse Brandt', 'indirect', t, NULL, '{"span":[0,10],"content":[0,10],"rule":"t","cue":"said"}', NULL, 1
     FROM unnest($1::int[], $2::text[]) AS u(i, t)`,
    [ids, ids.map((i) => (many.has(i) ? 'harbor harbor harbor talks' : `harbor talks in Dunmere on day ${i} of the long negotiations`))],
  );
}

const hitIds = async (store: PgDocumentStore, limit: number, offset: number): Promise<{ total: number; ids: string[] }> => {
  const r = (await store.reads().search('harbor', { limit, offset }, 'statements'))!;
  return { total: r.statements.total, ids: r.statements.items.map((h) => h.item.id) };
};

describe.skipIf(!pgUrl)('a page of search hits on PostgreSQL', () => {
  it('ranks every match, best first, when there are fewer than the candidates', async () => {
    await withDatabase(pgUrl!, 'hits', async (url) => {
      const store = await PgDocumentStore.open(url);
      try {
        await fill(store, 300, [7, 150]);
        const { total, ids } = await hitIds(store, 10, 0);
        expect(total).toBe(300);
        expect(ids.slice(0, 2).sort()).toEqual(['d1:s150', 'd1:s7']);
      } finally {
        await store.close();
      }
    });
  });

  it('ranks the latest candidates of a common word, counts every match, and still reaches a page past them', async () => {
    await withDatabase(pgUrl!, 'hits', async (url) => {
      const store = await PgDocumentStore.open(url);
      try {
        const n = CANDIDATES + 500;
        await fill(store, n, [3, n - 1]);
        const first = await hitIds(store, 5, 0);
        // Row 3 is among the oldest 500, outside the latest candidates: the best of those leads.
        expect(first.ids[0]).toBe(`d1:s${n - 1}`);
        expect(first.ids).not.toContain('d1:s3');
        expect(first.total).toBe(n);
        expect((await hitIds(store, 50, n - 50)).ids).toHaveLength(50);
      } finally {
        await store.close();
      }
    });
  });
});
