/** collectIfLarge: a full collection frees what the last phase left. */
import { describe, it, expect } from 'vitest';
import { collectIfLarge } from '../../src/core/collect.js';

const heapMb = (): number => process.memoryUsage().heapUsed / 2 ** 20;

function makeGarbage(): number {
  // 40 MB of strings, referenced only here.
  let rows: string[] | null = Array.from({ length: 400_000 }, (_, i) => `row ${i} `.repeat(10));
  const n = rows.length;
  rows = null;
  return n;
}

describe('core/collect', () => {
  it('frees the garbage of a phase past the threshold', () => {
    collectIfLarge(0);
    const base = heapMb();
    expect(makeGarbage()).toBe(400_000);
    const before = heapMb();
    collectIfLarge(0);
    expect(before - base).toBeGreaterThan(20);
    expect(heapMb() - base).toBeLessThan(10);
  });
});
