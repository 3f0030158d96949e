/**
 * Which earlier claims of an event's timeline can make a conflict with a later one. An event a
 * story's main parties hold gathers thousands of claims, and comparing each with every claim
 * before it grew with the square of the story (the busiest event of a synthetic 50,000-article
 * store has 19,797). A pair makes a conflict only when the later claim answers the earlier
 * (order.ts `answers`: the same article, or said within ANSWER_DAYS of the earlier change) or
 * when a side reverses its own course, which needs no answer (table.ts). So the claims worth
 * reading before `b` are those whose change falls in the days `b` can answer, those of `b`'s
 * article, and those of `b`'s side in a status that `b`'s status reverses; no other pair gives a
 * conflict, and the pairs read keep their order (the first found stands for its round).
 */
import type { Status } from '../core/types.js';
import { STATUSES } from '../core/vocabulary.js';
import { ANSWER_DAYS, type Timed } from './order.js';
import { conflictKind } from './table.js';
import { lowerBound } from '../core/number-arrays.js';

/** Where to read before one claim: places from `from` up to it, then `extra` (each below `from`), latest first. */
export interface Earlier {
  from: number;
  extra: readonly number[];
}

/** Every earlier claim: where the days give no window, and the reference comparing every pair. */
export const EVERY_EARLIER: Earlier = { from: 0, extra: [] };

/** Of each status, the statuses of one side's earlier claims that it reverses (a reversal needs no answer). */
const reversedFrom = new Map<Status, Status[]>(STATUSES.map((later) => [later, STATUSES.filter((earlier) => conflictKind(earlier, later, true) === 'reversal')]));

/** The position of the last number below `end` in an ascending list, or -1. */
export const lastBelow = (list: readonly number[], end: number): number => lowerBound(list, end) - 1;

export interface Reach {
  /** The earlier places that can pair with the claim at place `j`. */
  before(j: number): Earlier;
}

/**
 * The reach of one event's timeline: `sorted` in time order (undated claims first), `places` its
 * side -> status -> places, ascending. When the days are not in order or one cannot be read (no
 * window can be cut then), every earlier claim is read.
 */
export function reachOf<T extends Timed & { party: { side: string } }>(sorted: readonly T[], places: ReadonlyMap<string, ReadonlyMap<Status, readonly number[]>>): Reach {
  const days = new Float64Array(sorted.length);
  let firstDated = sorted.length;
  let ordered = true;
  const byDoc = new Map<string, number[]>();
  sorted.forEach((p, i) => {
    const list = byDoc.get(p.c.doc);
    if (list) list.push(i);
    else byDoc.set(p.c.doc, [i]);
    if (p.day === '') {
      if (firstDated < i) ordered = false;
      return;
    }
    days[i] = p.dayN;
    if (firstDated > i) firstDated = i;
    else if (!(days[i]! >= days[i - 1]!)) ordered = false;
    if (!Number.isFinite(days[i]!)) ordered = false;
  });
  if (!ordered) return { before: () => EVERY_EARLIER };
  /** The first dated place before `j` whose change is on or after day `limit`. */
  const firstFrom = (j: number, limit: number): number => lowerBound(days, limit, firstDated, j);
  return {
    before(j) {
      const b = sorted[j]!;
      const from = Number.isFinite(b.saidN) ? Math.min(j, firstFrom(j, b.saidN - ANSWER_DAYS)) : j;
      const lists: Array<readonly number[]> = [byDoc.get(b.c.doc)!];
      const ofSide = places.get(b.party.side);
      for (const status of reversedFrom.get(b.c.claim.status) ?? []) {
        const list = ofSide?.get(status);
        if (list) lists.push(list);
      }
      const extra: number[] = [];
      for (const list of lists) for (let k = lastBelow(list, from); k >= 0; k--) extra.push(list[k]!);
      if (lists.length > 1) {
        // Latest first, each place once (an article's claim can be in a reversed status too).
        extra.sort((x, y) => y - x);
        let kept = 0;
        for (let k = 0; k < extra.length; k++) if (k === 0 || extra[k] !== extra[k - 1]) extra[kept++] = extra[k]!;
        extra.length = kept;
      }
      return { from, extra };
    },
  };
}
