/**
 * The ledger updated after each batch of real articles is the ledger of all of them at once:
 * for random subsets of two real dev stories (../shared/corpus), added in random batches, the
 * export and the search indexes of events and conflicts are those of one store given them all.
 * The articles are analysed once; each store is filled from their analyses as analyze fills
 * it (saved, copies marked, then the ledger brought up to date), so the property runs on the
 * ledger update alone.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { rebuildLedger, saveAnalyzed } from '../../src/run.js';
import { analyzePaths } from '../../src/analyze.js';
import { ensureSearch } from '../../src/store/queries.js';
import type { Doc } from '../../src/core/types.js';
import { tempDir } from '../helpers/tmp.js';

const CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');
const STORIES = ['us-china-trade', 'nippon-us-steel'].map((c) => join(CORPUS, c));

const analysed: Array<{ doc: Doc; raw: Buffer }> = [];
let n = 0;

/** A store given the batches in turn, its search indexes made first (so their triggers follow every write). */
function storeOf(batches: Array<Array<{ doc: Doc; raw: Buffer }>>): SqliteStore {
  const store = new SqliteStore(join(tempDir(), `s${n++}.db`));
  ensureSearch(store.db);
  for (const b of batches) {
    // Each batch its own copies of the Docs: the ledger stages may annotate them.
    saveAnalyzed(store, b.map(({ doc, raw }) => ({ doc: structuredClone(doc), raw })));
    rebuildLedger(store);
  }
  return store;
}

/** For each word of the ledger's names and labels, the ids its search finds among events and conflicts. */
function searchIndex(store: SqliteStore): Record<string, string[]> {
  const words = new Set<string>();
  for (const r of store.db.prepare('SELECT name AS t FROM entities UNION ALL SELECT label FROM events').pluck().all() as string[]) {
    for (const w of r.toLowerCase().match(/\p{L}{3,}/gu) ?? []) words.add(w);
  }
  const out: Record<string, string[]> = {};
  for (const w of [...words].sort()) {
    const q = `"${w}"`;
    const ev = store.db.prepare('SELECT v.id FROM events_fts JOIN events v ON v.rowid = events_fts.rowid WHERE events_fts MATCH ? ORDER BY v.id').pluck().all(q) as string[];
    const k = store.db.prepare('SELECT k.id FROM conflicts_fts JOIN conflicts k ON k.rowid = conflicts_fts.rowid WHERE conflicts_fts MATCH ? ORDER BY k.id').pluck().all(q) as string[];
    out[w] = [...ev, ...k];
  }
  return out;
}

describe.skipIf(!STORIES.every(existsSync))('the ledger updated batch by batch', () => {
  beforeAll(async () => {
    // As analyze hands them to the store (a stored document keeps no statements in its analysis).
    await analyzePaths(STORIES, { collect: false, dropTokens: true, onItem: ({ doc, raw }) => void (doc && raw && analysed.push({ doc, raw })) });
  }, 600_000);

  it('is the ledger of the same articles given at once', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...analysed.keys()], { minLength: 2 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (order, cuts) => {
        const points = [...new Set(cuts.map((c) => c % order.length))].filter((p) => p > 0).sort((a, b) => a - b);
        const batches = [0, ...points].map((p, i) => order.slice(p, [...points, order.length][i]).map((x) => analysed[x]!));
        const inBatches = storeOf(batches);
        const atOnce = storeOf([order.map((x) => analysed[x]!)]);
        try {
          expect(JSON.stringify(inBatches.loadExport())).toBe(JSON.stringify(atOnce.loadExport()));
          expect(searchIndex(inBatches)).toEqual(searchIndex(atOnce));
        } finally {
          inBatches.close();
          atOnce.close();
        }
      }),
      // A few runs: each builds two ledgers over up to 54 real articles.
      { numRuns: 8, examples: [[[...analysed.keys()], [Math.floor(analysed.length / 2)]]] },
    );
  }, 600_000);
});
