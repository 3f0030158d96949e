/**
 * A copy of an article cut short, re-headlined and with clutter is found by containment,
 * marked duplicateOf its original, and counted as another outlet carrying the story: its
 * claims are copies of the original's, so they neither count twice nor clash with them.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { tempDir } from '../helpers/tmp.js';
import { hammingHex, NEAR_BITS, simhash } from '../../src/clean/duplicates.js';

const ORIGINAL = readFileSync(join(process.cwd(), 'examples', '01-kelmar-tribune-deal-agreed.txt'), 'utf8');

/** The same story as another outlet runs it: its own headline and clutter, the last two paragraphs cut. */
function cutCopy(text: string): string {
  const paras = text.trimEnd().split(/\n\s*\n/);
  return ['Port deal done, says Ostrelian leader', 'Published Oct. 1, 2024', 'Share this story', ...paras.slice(2, -2), 'Sign up for the Lindmark Courier newsletter.'].join('\n\n') + '\n';
}

describe('a copy cut short', () => {
  it('is too far from the original for the whole-text fingerprint alone', () => {
    expect(hammingHex(simhash(ORIGINAL), simhash(cutCopy(ORIGINAL)))).toBeGreaterThan(NEAR_BITS);
  });

  it('is marked duplicateOf the original, and its claims are copies that clash with nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '01-original.txt'), ORIGINAL);
    writeFileSync(join(dir, '02-copy.txt'), cutCopy(ORIGINAL));
    const store = new SqliteStore(join(dir, 's.db'));
    try {
      await analyzeIntoStore(store, [dir], { jobs: 0 });
      const exp = store.loadExport();
      const [orig, copy] = ['01-original.txt', '02-copy.txt'].map((s) => exp.documents.find((d) => d.source === s)!);
      expect(orig!.duplicateOf).toBeNull();
      expect(copy!.duplicateOf).toBe(orig!.id);
      const copyClaims = exp.claims.filter((c) => c.document === copy!.id);
      expect(copyClaims.length).toBeGreaterThan(0);
      expect(copyClaims.every((c) => c.copyOf !== null)).toBe(true);
      const docOf = new Map(exp.claims.map((c) => [c.id, c.document]));
      expect(exp.conflicts.filter((k) => k.claims.some((id) => docOf.get(id) === copy!.id))).toEqual([]);
    } finally {
      store.close();
    }
  });
});
