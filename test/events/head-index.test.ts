/**
 * HeadIndex answers what a scan of the heads of delegation answered, in the order they were
 * found: the head an article names, else the nearest in time before the talks or at most a week
 * after, the first found among equally near; undated talks only from their own article.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { HeadIndex, type Head } from '../../src/events/clustering/delegations.js';

/** The scan the index replaces. */
function scanned(heads: readonly Head[], country: string, doc: string, day: number): string | undefined {
  const own = heads.find((h) => h.country === country && h.doc === doc);
  if (own) return own.entity;
  let best: Head | undefined;
  for (const h of heads) {
    if (h.country !== country || Number.isNaN(h.day) || Number.isNaN(day) || h.day > day + 7) continue;
    if (!best || Math.abs(h.day - day) < Math.abs(best.day - day)) best = h;
  }
  return best?.entity;
}

const head = fc.record({
  entity: fc.constantFrom('e-a', 'e-b', 'e-c', 'e-d', 'e-e'),
  country: fc.constantFrom('e-x', 'e-y', 'e-z'),
  doc: fc.constantFrom('d1', 'd2', 'd3', 'd4'),
  day: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(Number.NaN)),
});

describe('HeadIndex', () => {
  const heads: Head[] = [
    { entity: 'e-a', country: 'e-x', doc: 'd1', day: 10 },
    { entity: 'e-b', country: 'e-x', doc: 'd2', day: 20 },
    { entity: 'e-c', country: 'e-x', doc: 'd3', day: 30 },
    { entity: 'e-d', country: 'e-y', doc: 'd3', day: 30 },
  ];
  it.each([
    { country: 'e-x', doc: 'd2', day: 99, head: 'e-b', why: "the talks' own article" },
    { country: 'e-x', doc: 'd9', day: 24, head: 'e-b', why: 'nearest before' },
    { country: 'e-x', doc: 'd9', day: 26, head: 'e-c', why: 'nearer within a week after' },
    { country: 'e-x', doc: 'd9', day: 15, head: 'e-a', why: 'equally near: the first found' },
    { country: 'e-x', doc: 'd9', day: 2, head: undefined, why: 'none before, the next more than a week after' },
    { country: 'e-x', doc: 'd9', day: Number.NaN, head: undefined, why: 'undated talks elsewhere' },
    { country: 'e-z', doc: 'd1', day: 10, head: undefined, why: 'a country with no head' },
  ])('$why', ({ country, doc, day, head: want }) => {
    expect(new HeadIndex(heads).headOf(country, doc, day)).toBe(want);
  });

  it('lists the countries found, in order, and those of an article', () => {
    const index = new HeadIndex(heads);
    expect(index.countries).toEqual(['e-x', 'e-y']);
    expect(index.countriesIn('d3')).toEqual(['e-x', 'e-y']);
    expect(index.countriesIn('d9')).toEqual([]);
    expect([...index.entities]).toEqual(['e-a', 'e-b', 'e-c', 'e-d']);
  });

  it('answers as the scan for any heads and any talks', () => {
    fc.assert(
      fc.property(fc.array(head, { maxLength: 30 }), fc.constantFrom('e-x', 'e-y', 'e-z'), fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'), fc.oneof(fc.integer({ min: -10, max: 50 }), fc.constant(Number.NaN)), (hs, country, doc, day) => {
        expect(new HeadIndex(hs).headOf(country, doc, day)).toBe(scanned(hs, country, doc, day));
      }),
      { numRuns: 2000 },
    );
  });
});
