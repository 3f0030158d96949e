/**
 * The examples/ story (docs/examples.md): analysed end to end, the ledger shows each conflict
 * kind a careful reader finds, with an explanation naming both sources.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePaths } from '../../src/analyze.js';
import { buildLedger } from '../../src/pipeline.js';
import type { ConflictKind, Ledger } from '../../src/core/types.js';

const dir = join(import.meta.dirname, '../../examples');
let ledger: Ledger | null = null;
async function examples(): Promise<Ledger> {
  if (ledger) return ledger;
  const { docs } = await analyzePaths(readdirSync(dir).map((f) => join(dir, f)));
  ledger = buildLedger(docs);
  return ledger;
}

function sourceNames(l: Ledger, kind: ConflictKind): Array<[string, string]> {
  const claim = new Map(l.claims.map((c) => [c.id, c]));
  const name = new Map(l.entities.map((e) => [e.id, e.name]));
  return l.conflicts
    .filter((k) => k.kind === kind)
    .map((k) => {
      const [a, b] = k.claims.map((id) => claim.get(id)!);
      const who = (c: typeof a): string => (c!.source ? name.get(c!.source) ?? '' : c!.claim.sourceText ?? '');
      expect(k.explanation).toContain(who(a));
      expect(k.explanation).toContain(who(b));
      return [who(a), who(b)] as [string, string];
    });
}

describe('conflicts/examples: the Kelmar port story', () => {
  it('correction: Koval says Sander met Oduya, then that it was Dunst, not Sander', async () => {
    const pairs = sourceNames(await examples(), 'correction');
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs[0]![0]).toMatch(/Koval/);
    expect(pairs[0]![1]).toMatch(/Koval/);
  });

  // One denial per event, side pair and kind (docs/conflicts.md): the first Damarian answer to
  // Reyk's "agreed" stands for the side; Lenn's and the spokesman's join its episode.
  it('denial: the Damarian side rejects an Ostrelian claim', async () => {
    const pairs = sourceNames(await examples(), 'denial');
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.some(([a, b]) => /Reyk/.test(a) && /Damarian government|Lenn/.test(b))).toBe(true);
  });

  // "Ostrelia has called off the summit with Damaris" (a country as party) and "Reyk said a
  // summit with Damaris was planned" (his government's) are one event: countries stand for
  // their governments and a government's person next to a country for that country.
  it('reversal: the Kelmar summit planned, then called off by the same side', async () => {
    const pairs = sourceNames(await examples(), 'reversal');
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.some(([a, b]) => /Reyk/.test(a) && /Reyk/.test(b))).toBe(true);
  });
  it('walk_back: "we have a deal", then "working to make it happen"', async () => {
    const pairs = sourceNames(await examples(), 'walk_back');
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.some(([a, b]) => /Reyk/.test(a) && /Koval/.test(b))).toBe(true);
  });
});
