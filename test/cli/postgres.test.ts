/**
 * The CLI on a PostgreSQL store: `--db postgres://...` (or WALKBACK_DB) analyzes, exports,
 * reports, rebuilds and serves; a database it cannot reach is named in one line without its
 * password.
 */
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cli, tempDir } from '../helpers/cli.js';
import { dropDatabase, freshDatabase } from '../helpers/pg-cluster.js';

const pgUrl = inject('pgUrl');
const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

describe.skipIf(!pgUrl)('walkback on PostgreSQL', () => {
  let url = '';
  beforeAll(async () => {
    url = await freshDatabase(pgUrl, 'cli');
  });
  afterAll(async () => {
    await dropDatabase(pgUrl, url);
  });

  it('analyzes into the database, adds nothing the second time, and exports what a SQLite store exports', async () => {
    const first = await cli('analyze', EXAMPLES, '--db', url, '--jobs', '0', '--json');
    expect(first.code, first.err).toBe(0);
    const summary = JSON.parse(first.out);
    expect(summary.added).toBe(summary.read);
    expect(summary.events).toBeGreaterThan(0);
    const again = await cli('analyze', EXAMPLES, '--db', url, '--jobs', '0', '--json');
    expect(JSON.parse(again.out).added).toBe(0);

    const exported = await cli('export', '--db', url);
    expect(exported.code, exported.err).toBe(0);
    const file = `${tempDir()}/w.db`;
    await cli('analyze', EXAMPLES, '--db', file, '--jobs', '0');
    expect(exported.out).toBe((await cli('export', '--db', file)).out);
    // The report reads the same snapshot reads on both backends (store/port.ts).
    for (const format of ['text', 'csv']) {
      const report = await cli('report', '--db', url, '--format', format);
      expect(report.code, report.err).toBe(0);
      expect(report.out).toBe((await cli('report', '--db', file, '--format', format)).out);
    }
  });

  it('takes the store from WALKBACK_DB, and rebuilds its ledger to the same export', async () => {
    const before = (await cli('export', '--db', url)).out;
    process.env.WALKBACK_DB = url;
    try {
      const r = await cli('rebuild', '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out).documents).toBeGreaterThan(0);
      expect((await cli('export')).out).toBe(before);
    } finally {
      delete process.env.WALKBACK_DB;
    }
  });

  it('names a database it cannot reach in one line, without the password', async () => {
    const secret = new URL(url);
    secret.password = 'hunter2';
    secret.port = '1';
    const r = await cli('correct', 'list', '--db', secret.toString());
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot open the store/);
    expect(r.err).not.toContain('hunter2');
  });
});
