/**
 * One ledger for one set of documents: whatever the order the articles arrive in and however
 * they are batched into runs, the export is the same as one run over them. The articles are
 * the bundled fictional story (examples/) and a reposted copy of one of them, so that copy
 * detection across runs is exercised too.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { tempDir } from '../helpers/tmp.js';

let files: string[] = [];

beforeAll(() => {
  const dir = tempDir('walkback-order-');
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  for (const f of readdirSync(examples)) copyFileSync(join(examples, f), join(dir, f));
  // A wire story run again by another outlet with a line of its own: a near copy.
  const wire = readdirSync(examples).find((f) => f.includes('wire'))!;
  writeFileSync(join(dir, `99-repost-${wire}`), `${readFileSync(join(examples, wire), 'utf8')}\nThis story was first published by a wire service.\n`);
  files = readdirSync(dir).sort().map((f) => join(dir, f));
});

let n = 0;
async function exportOf(batches: string[][]): Promise<string> {
  const store = new SqliteStore(join(tempDir(), `s${n++}.db`));
  try {
    for (const b of batches) await analyzeIntoStore(store, b);
    return JSON.stringify(store.loadExport());
  } finally {
    store.close();
  }
}

/** Cut `xs` into consecutive batches at the given (sorted, distinct) points. */
function cut<T>(xs: T[], points: number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const p of [...new Set(points.map((q) => q % xs.length))].sort((a, b) => a - b)) {
    if (p > at) out.push(xs.slice(at, p));
    at = Math.max(at, p);
  }
  out.push(xs.slice(at));
  return out;
}

describe('the ledger is a function of the stored documents', () => {
  it('marks the repost as a copy of the wire story in one run', async () => {
    const exp = JSON.parse(await exportOf([files])) as { documents: Array<{ source: string; duplicateOf: string | null }> };
    expect(exp.documents.filter((d) => d.duplicateOf).map((d) => d.source)).toEqual([basename(files.find((f) => f.includes('99-repost'))!)]);
  });

  it('gives the same export for the same documents in any order and batching', async () => {
    const once = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(files, { minLength: 2 }), fc.array(fc.nat(), { maxLength: 3 }), async (order, points) => {
        const key = [...order].sort().join('\n');
        if (!once.has(key)) once.set(key, await exportOf([[...order].sort()]));
        expect(await exportOf(cut(order, points))).toBe(once.get(key));
      }),
      // Examples found to break it before the fix: the copy before its original, and halves.
      {
        numRuns: 15,
        examples: [
          [[...files].reverse(), [1]],
          [files, [Math.floor(files.length / 2)]],
        ],
      },
    );
  });
});
