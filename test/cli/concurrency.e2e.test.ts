/**
 * Several processes on one store, and a run cut short: the ledger ends as one run over the
 * same documents would leave it. The articles are the bundled fictional story (examples/).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import { cliChild } from '../helpers/child.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const files = readdirSync(examples).sort().map((f) => join(examples, f));
let reference = '';

async function exportOf(db: string): Promise<{ code: number; json: string; err: string }> {
  const r = await cli('export', '--db', db, '--format', 'json');
  return { code: r.code, json: r.out, err: r.err };
}

beforeAll(async () => {
  const db = join(tempDir(), 'one.db');
  expect((await cli('analyze', ...files, '--db', db)).code).toBe(0);
  reference = (await exportOf(db)).json;
  expect(JSON.parse(reference).claims.length).toBeGreaterThan(0);
});

describe('two analyze processes at once', () => {
  it('end with the ledger of one run, even when one reads its ledger before the other stores', async () => {
    const db = join(tempDir(), 'two.db');
    // The first takes one article and lingers between reading the documents for its ledger and
    // writing it; the second stores the rest meanwhile. Read outside the write lock, the
    // first's older snapshot overwrote the second's ledger and dropped its claims.
    const [a, b] = await Promise.all([
      cliChild(['analyze', files[0]!, '--db', db], { WB_TEST_PAUSE_AFTER_LEDGER_READ: '2500' }),
      cliChild(['analyze', ...files.slice(1), '--db', db]),
    ]);
    expect([a.code, b.code], a.err + b.err).toEqual([0, 0]);
    const r = await exportOf(db);
    expect(r.err).toBe('');
    expect(r.json).toBe(reference);
  });
});

describe('an analyze killed between storing documents and the ledger', () => {
  it('leaves a store whose next reader rebuilds the ledger, on a new store', async () => {
    const db = join(tempDir(), 'killed.db');
    const r = await cliChild(['analyze', ...files, '--db', db], { WB_TEST_KILL_AT_LEDGER_READ: '1' });
    expect(r.signal).toBe('SIGKILL');
    const e = await exportOf(db);
    expect(e.code).toBe(0);
    expect(e.err).toMatch(/ledger was older than the documents/);
    expect(e.json).toBe(reference);
    // Repaired once: the next reader has nothing to say.
    expect((await exportOf(db)).err).toBe('');
  });

  it('keeps the previous ledger until repaired, on a store that had one', async () => {
    const db = join(tempDir(), 'killed2.db');
    expect((await cli('analyze', ...files.slice(0, 4), '--db', db)).code).toBe(0);
    const claimsBefore = (JSON.parse((await exportOf(db)).json) as { claims: unknown[] }).claims.length;
    const r = await cliChild(['analyze', ...files.slice(4), '--db', db], { WB_TEST_KILL_AT_LEDGER_READ: '1' });
    expect(r.signal).toBe('SIGKILL');
    const store = new SqliteStore(db);
    expect(store.ledgerStale()).toBe(true);
    expect(store.counts()).toMatchObject({ documents: files.length, claims: claimsBefore });
    store.close();
    expect((await exportOf(db)).json).toBe(reference);
  });
});
