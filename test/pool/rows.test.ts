/**
 * A run into a store gets each document back from its worker as the row the store writes
 * (packed JSON and copy signatures), never as a Doc: the main thread then holds no analysis
 * object graph, which for the parts of a long text was most of its memory. The row is the one
 * the main thread makes.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { analyzePaths, type AnalyzeOptions } from '../../src/analyze.js';
import type { PreparedRow } from '../../src/store/store.js';

const examples = join(process.cwd(), 'examples');

async function rows(jobs: number): Promise<Array<{ source: string; doc: unknown; row?: PreparedRow }>> {
  const got: Array<{ source: string; doc: unknown; row?: PreparedRow }> = [];
  const opts: AnalyzeOptions = { jobs, rows: true, collect: false, onItem: (r) => void got.push({ source: r.source, doc: r.doc, row: r.row }) };
  await analyzePaths([examples], opts);
  return got;
}

describe('documents handed on as rows', () => {
  it('come from a worker packed, the same rows as the main thread makes', async () => {
    const [pooled, inThread] = [await rows(1), await rows(0)];
    expect(pooled.length).toBeGreaterThan(2);
    for (const r of pooled) {
      expect(r.doc).toBeUndefined();
      expect(Buffer.isBuffer(r.row?.analysis)).toBe(true);
      expect(Buffer.isBuffer(r.row?.ledgerInput)).toBe(true);
    }
    expect(pooled).toEqual(inThread);
  });
});
