/**
 * What an update writes: only the ledger rows that changed, found by the digest each row keeps
 * (ledger-diff.ts). The digests an update compares must be of the rows as written: a claim
 * whose text a store does not copy (ledger-rows.ts spanTextsOf) is digested in that form, both
 * when its row is written and when the next update compares it.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { analyzeIntoStore, rebuildLedger } from '../../src/run.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/tmp.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

describe('a ledger update with nothing new', () => {
  it('writes no ledger row, and the claims keep no copy of their words', async () => {
    const store = new SqliteStore(join(tempDir(), 'again.db'));
    await analyzeIntoStore(store, [examples], { jobs: 0 });
    const exported = JSON.stringify(store.loadExport());
    const spanTexts = store.db.prepare("SELECT COUNT(*) FROM claims WHERE json_type(data, '$[2]') = 'integer'").pluck().get() as number;
    expect(spanTexts).toBe(store.counts().claims);
    rebuildLedger(store);
    const written = store.lastLedgerWrite!;
    expect(Object.keys(written).sort()).toEqual(['claims', 'conflicts', 'entities', 'events']);
    for (const [table, stats] of Object.entries(written)) expect({ table, deleted: stats.deleted, inserted: stats.inserted }).toEqual({ table, deleted: 0, inserted: 0 });
    expect(JSON.stringify(store.loadExport())).toBe(exported);
    store.close();
  });
});
