/**
 * Conflicts compare a claim only with the earlier claims in its reach (src/conflicts/reach.ts):
 * those it can answer, those of its article, and its side's claims in a status it reverses. The
 * conflicts found are those of comparing every pair, in the same order, on any timeline.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findConflicts } from '../../src/conflicts/index.js';
import { reachOf } from '../../src/conflicts/reach.js';
import { timed } from '../../src/conflicts/order.js';
import { STATUSES } from '../../src/core/vocabulary.js';
import type { Claim, Entity, Event, LedgerClaim, Status } from '../../src/core/types.js';

const person = (id: string, side: string | null): Entity => ({ id, name: `Name ${id}`, type: 'person', aliases: [], roles: [], affiliation: side ? [side] : [], side });
const entities = [person('e-a', 'North'), person('e-b', 'North'), person('e-c', 'South'), person('e-d', 'South'), person('e-e', 'East'), person('e-f', null)];
const events: Event[] = ['ev1', 'ev2'].map((id) => ({ id, type: 'meeting', participants: ['e-a', 'e-c'], place: null, time: null, label: id, mentions: [], status: null }));

interface Spec {
  event: string;
  source: string;
  status: Status;
  /** Days after the first of March 2031; null: undated. */
  said: number | null;
  /** Days before it was said that the clause places the change ("put on hold in May"). */
  toldBefore: number | null;
  doc: string;
  at: number;
  statement: string | null;
  modality: Claim['modality'];
  /** How its day is written: to the month only ('2031-03'), or unpadded ('2031-3-5', which sorts out of date order). */
  written: 'day' | 'month' | 'unpadded';
}

/** A day as a claim's time value. */
const dayValue = (d: string) => ({ start: d, end: d, granularity: 'day' as const, timex: d, implied: false });

const dayOf = (n: number): string => new Date(Date.UTC(2031, 2, 1) + n * 86_400_000).toISOString().slice(0, 10);

function claimOf(s: Spec, n: number): LedgerClaim {
  const day = s.said === null ? null : dayOf(s.said);
  const said = day === null ? null : s.written === 'month' ? day.slice(0, 7) : s.written === 'unpadded' ? day.replace(/-0/g, '-') : day;
  const date = said === null ? null : dayValue(said);
  const claim: Claim = {
    id: `cl${n}`, eventMention: 'em1', statement: s.statement, source: s.source, sourceText: s.source, status: s.status, modality: s.modality,
    evidence: { start: s.at, end: s.at + 1, rule: 't' }, cue: null, date, rule: 't',
  };
  const told = s.said !== null && s.toldBefore !== null ? dayOf(s.said - s.toldBefore) : null;
  return { id: `${s.doc}:cl${n}`, doc: s.doc, claim, event: s.event, source: s.source, side: null, copyOf: null, told: told ? dayValue(told) : null };
}

const spec = (days: number): fc.Arbitrary<Spec> =>
  fc.record({
    event: fc.constantFrom('ev1', 'ev2'),
    source: fc.constantFrom(...entities.map((e) => e.id)),
    status: fc.constantFrom(...STATUSES),
    said: fc.option(fc.integer({ min: 0, max: days }), { freq: 8 }),
    toldBefore: fc.option(fc.integer({ min: 1, max: 40 }), { freq: 1, nil: null }),
    doc: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6'),
    at: fc.integer({ min: 0, max: 500 }),
    statement: fc.option(fc.constantFrom('s1', 's2'), { freq: 1 }),
    modality: fc.constantFrom<Claim['modality']>('asserted', 'asserted', 'asserted', 'conditional'),
    written: fc.constantFrom<Spec['written']>('day', 'day', 'day', 'day', 'month', 'unpadded'),
  });

const found = (claims: LedgerClaim[], scanAll: boolean) => findConflicts(events, claims, entities, undefined, scanAll);

describe('conflicts in reach', () => {
  it('equal comparing every pair, over a few weeks and over months (fast-check)', () => {
    for (const days of [20, 200]) {
      fc.assert(
        fc.property(fc.array(spec(days), { maxLength: 60 }), (specs) => {
          const claims = specs.map(claimOf);
          expect(found(claims, false)).toEqual(found(claims, true));
        }),
        { numRuns: 1000 },
      );
    }
  });

  it('days that do not sort in date order ("2031-3-16" after "2031-03-02"): every earlier claim is read', () => {
    const base = { event: 'ev2', toldBefore: null, at: 0, statement: null, modality: 'asserted' } as const;
    const claims = [
      { ...base, source: 'e-c', status: 'planned', said: 15, doc: 'd4', written: 'unpadded' },
      { ...base, source: 'e-a', status: 'not_agreed', said: 1, doc: 'd1', written: 'day' },
      { ...base, source: 'e-a', status: 'proposed', said: 0, doc: 'd1', written: 'unpadded' },
    ].map((s, n) => claimOf(s as Spec, n));
    expect(found(claims, false)).toEqual(found(claims, true));
    expect(found(claims, false).map((k) => k.kind)).toEqual(['denial']);
  });

  it('reads the days it can answer, its article, and the statuses its side reverses', () => {
    const side = (s: string) => ({ side: s });
    const at = (doc: string, day: number | null, status: Status, s = 'North') => ({ ...timed(claimOf({ event: 'ev1', source: 'e-a', status, said: day, toldBefore: null, doc, at: 0, statement: null, modality: 'asserted', written: 'day' }, 0)), party: side(s) });
    const sorted = [
      at('d1', null, 'planned'), // 0: undated, its own article only
      at('d2', 0, 'planned'), // 1: far back, a plan its side may call off
      at('d3', 1, 'proposed', 'South'), // 2: far back, another side
      at('d4', 60, 'agreed', 'South'), // 3: 15 days before: out of the window
      at('d5', 61, 'agreed', 'South'), // 4: 14 days before: in it
      at('d6', 69, 'proposed'), // 5
      at('d1', 75, 'cancelled'), // 6: the claim read
    ];
    const places = new Map<string, Map<Status, number[]>>();
    sorted.forEach((p, i) => {
      const bySide = places.get(p.party.side) ?? places.set(p.party.side, new Map()).get(p.party.side)!;
      bySide.set(p.c.claim.status, [...(bySide.get(p.c.claim.status) ?? []), i]);
    });
    // Days 4 and 5 in the window; 1 reversed by its side (planned, then called off); 0 its article.
    expect(reachOf(sorted, places).before(6)).toEqual({ from: 4, extra: [1, 0] });
    // Undated: its own article only.
    expect(reachOf(sorted, places).before(0)).toEqual({ from: 0, extra: [] });
  });
});
