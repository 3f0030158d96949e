/**
 * EventPool answers what a scan of the whole pool answered: the first event, in the order the
 * events joined, of those that fit with the highest score (the asking document's mentions of
 * it, its mentions, its last day), while events join, grow and leave the pool, and when told
 * that the events last mentioned before a day do not fit.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventPool } from '../../src/events/clustering/pool.js';
import type { Cluster, Item } from '../../src/events/clustering/model.js';

function event(n: number): Cluster {
  return { key: `meeting|e${n}`, ordinal: 0, items: [], place: null, time: null, lastDay: Number.NaN, heldDay: null, closedDay: null, docs: new Map() };
}

/** The pool scanned whole, in the order the events joined: what EventPool must equal. */
function scanned(pool: readonly Cluster[], doc: string, fits: (c: Cluster) => boolean): Cluster | undefined {
  let top: Cluster | undefined;
  let topScore: number[] = [];
  for (const c of pool) {
    if (!fits(c)) continue;
    const score = [c.docs.get(doc) ?? 0, c.items.length, Number.isNaN(c.lastDay) ? -Infinity : c.lastDay];
    const above = topScore.findIndex((x, i) => x !== score[i]);
    if (!top || (above >= 0 && score[above]! > topScore[above]!)) [top, topScore] = [c, score];
  }
  return top;
}

const step = fc.oneof(
  fc.record({ op: fc.constant('add' as const), ev: fc.nat(11) }),
  fc.record({ op: fc.constant('grow' as const), ev: fc.nat(11), doc: fc.nat(3), day: fc.option(fc.integer({ min: 100, max: 140 }), { nil: null }) }),
  fc.record({ op: fc.constant('delete' as const), ev: fc.nat(11) }),
  fc.record({ op: fc.constant('ask' as const), doc: fc.nat(3), refused: fc.array(fc.nat(11), { maxLength: 6 }), since: fc.option(fc.integer({ min: 100, max: 140 }), { nil: undefined }) }),
);

describe('events/clustering: EventPool', () => {
  it('chooses the event a scan of the pool in joining order chooses', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const events = Array.from({ length: 12 }, (_, n) => event(n));
        const pool = new EventPool();
        let order: Cluster[] = [];
        for (const s of steps) {
          if (s.op === 'add') {
            const c = events[s.ev]!;
            pool.add(c);
            if (!order.includes(c)) order.push(c);
          } else if (s.op === 'grow') {
            const c = events[s.ev]!;
            c.items.push({} as Item);
            c.docs.set(`d${s.doc}`, (c.docs.get(`d${s.doc}`) ?? 0) + 1);
            if (s.day !== null) c.lastDay = Number.isNaN(c.lastDay) ? s.day : Math.max(c.lastDay, s.day);
            pool.grew(c);
          } else if (s.op === 'delete') {
            pool.delete(events[s.ev]!);
            order = order.filter((c) => c !== events[s.ev]);
          } else {
            const doc = `d${s.doc}`;
            const refused = new Set(s.refused.map((n) => events[n]!));
            // With a day given, what fits was last mentioned on it or after, or never dated.
            const fits = (c: Cluster): boolean => !refused.has(c) && !(s.since !== undefined && c.lastDay < s.since);
            // The document's events as the index keeps them: in any order, some not in this pool.
            const inDoc = events.filter((c) => c.docs.has(doc)).reverse();
            expect(pool.best(doc, inDoc, fits, s.since)).toBe(scanned(order, doc, fits));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
