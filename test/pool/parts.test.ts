/**
 * A long text's parts go to one worker, one at a time: a text split in parts holds one
 * worker's memory, while other documents still take the other workers.
 */
import { describe, it, expect } from 'vitest';
import { AnalysisPool } from '../../src/pool/pool.js';
import type { InputItem } from '../../src/ingest/index.js';

const pool = (): AnalysisPool => new AnalysisPool({ jobs: 2, timeoutMs: 60_000, memoryMb: 512, init: { lexiconFiles: [], pipeline: {}, dropTokens: true, rows: true } });

const part = (doc: string, i: number): InputItem => ({
  source: `${doc}#part${i + 1}`,
  bytes: Buffer.from(`The harbour board of Norland said on Monday, in part ${i + 1}, that the ferry talks with Lind would resume.\n`),
  format: 'txt',
  partOf: doc,
});

describe('the analysis pool and the parts of a long text', () => {
  it("starts one worker for one document's parts, and a second for another document", async () => {
    const p = pool();
    try {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => p.run(part('long.txt', i))));
      expect(results.map((r) => ('row' in r ? r.row.source : r))).toEqual(Array.from({ length: 6 }, (_, i) => `long.txt#part${i + 1}`));
      expect(p.workers).toBe(1);
      const both = await Promise.all([p.run(part('other.txt', 0)), p.run(part('third.txt', 0)), p.run(part('other.txt', 1))]);
      expect(both.every((r) => 'row' in r)).toBe(true);
      expect(p.workers).toBe(2);
    } finally {
      await p.close();
    }
  });
});
