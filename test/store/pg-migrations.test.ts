/**
 * The PostgreSQL store's schema migrations (src/store/postgres/migrations.ts): applied in
 * order at open from an empty database, from the previous version with its rows kept and
 * given what the new version adds, and a newer store refused.
 */
import { describe, it, expect, inject } from 'vitest';
import pg from 'pg';
import { migrate } from '../../src/store/postgres/connect.js';
import { PG_SCHEMA_VERSION } from '../../src/store/postgres/migrations.js';
import { PgDocumentStore } from '../../src/store/postgres/store.js';
import { dataPageSql, PAGED_TABLES } from '../../src/store/postgres/export.js';
import { withDatabase as withPgDatabase } from '../helpers/pg-cluster.js';

const pgUrl = inject('pgUrl');

const withDatabase = (body: (url: string) => Promise<void>): Promise<void> => withPgDatabase(pgUrl, 'mig', body);

async function versions(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  } finally {
    await c.end();
  }
}

describe.skipIf(!pgUrl)('PostgreSQL schema migrations', () => {
  it('bring an empty database to the current version, once however often it is opened', async () => {
    await withDatabase(async (url) => {
      await (await PgDocumentStore.open(url)).close();
      await (await PgDocumentStore.open(url)).close();
      expect(await versions(url)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    });
  });

  it.each(Array.from({ length: PG_SCHEMA_VERSION - 1 }, (_, i) => i + 1))('bring a store of version %i up, its ledger kept', async (from) => {
    await withDatabase(async (url) => {
      const pool = new pg.Pool({ connectionString: url });
      try {
        expect(await migrate(pool, 'test', from)).toBe(from);
        await pool.query("INSERT INTO events (id, type, label, status, last_date, data) VALUES ('v-1', 'meeting', 'Norland–Lind summit', 'planned', NULL, '{}')");
      } finally {
        await pool.end();
      }
      const store = await PgDocumentStore.open(url);
      try {
        expect(await versions(url)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
        expect((await store.counts()).events).toBe(1);
        // Version 2 indexed the words of the events already stored (a later one keeps them).
        const found = await store.pool.query("SELECT id FROM events WHERE fts @@ plainto_tsquery('english', 'summits')");
        expect(found.rows).toEqual(from === 1 ? [{ id: 'v-1' }] : []);
        await store.pool.query('SELECT worker_id FROM worker_heartbeats');
      } finally {
        await store.close();
      }
    });
  });

  /** The plans of these queries on a migrated store, as on a large one: the planner may not sort a table (a small one it would). */
  async function plansOf(sqls: string[]): Promise<string[]> {
    const plans: string[] = [];
    await withDatabase(async (url) => {
      const store = await PgDocumentStore.open(url);
      const c = await store.pool.connect();
      try {
        await c.query('SET enable_seqscan = off');
        await c.query('SET enable_sort = off');
        for (const sql of sqls) plans.push((await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n'));
      } finally {
        c.release();
        await store.close();
      }
    });
    return plans;
  }

  it('serve a page of conflicts, of all or of one kind, off an index in the order written, not by sorting them all', async () => {
    const sqls = ['SELECT data FROM conflicts ORDER BY row_no LIMIT 20 OFFSET 0', "SELECT data FROM conflicts WHERE kind = 'denial' ORDER BY row_no LIMIT 20 OFFSET 0"];
    for (const [i, plan] of (await plansOf(sqls)).entries()) {
      expect(plan, sqls[i]).toMatch(/Index Scan using conflicts_(order|kind)/);
      expect(plan, sqls[i]).not.toMatch(/\bSort\b/);
    }
  });

  it("read each page of the export's ledger tables off an index in the order written, not by sorting the table", async () => {
    const plans = await plansOf(PAGED_TABLES.map((table) => dataPageSql(table).replace('$1', '0')));
    for (const [i, table] of PAGED_TABLES.entries()) {
      expect(plans[i], table).toMatch(new RegExp(`Index Scan using ${table}_order`));
      expect(plans[i], table).not.toMatch(/\bSort\b/);
    }
  });

  it('refuse a store of a newer version, naming it', async () => {
    await withDatabase(async (url) => {
      await (await PgDocumentStore.open(url)).close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
      await c.end();
      await expect(PgDocumentStore.open(url)).rejects.toThrow(/store schema 999 is newer than this walkback/);
    });
  });
});
