/**
 * A pool of events (of a type, of a type and party, of a type and place) that finds the salient
 * one without scanning them all. The salient event is the first, in the order the events joined
 * the pool, of those that fit with the highest score: how many of its mentions the asking
 * document holds, then how many mentions it has, then its last day (completion.ts).
 *
 * The events a document holds are few (ClusterIndex.byDoc), so they are ranked first and alone;
 * any of them that fits outranks every other event. The others all score 0 for the document, so
 * they are kept in buckets by their number of mentions, and the buckets are searched from the
 * largest down: the first bucket with an event that fits holds the answer (within it, the latest
 * last day, then the first to join). A story's every meeting is one long pool; a mention is
 * answered from the top buckets, where the story's main events are, instead of from all of it.
 */
import type { Cluster } from './model.js';
import { DescendingNumbers } from './descending.js';

/** The events of one size, by last day: each day's events, and the days, latest first (undated last). */
interface Bucket {
  byDay: Map<number, Set<Cluster>>;
  days: DescendingNumbers;
}

export class EventPool {
  /** Each event's place in the order it joined, and the bucket (mention count) and last day it is filed under. */
  private readonly members = new Map<Cluster, { pos: number; size: number; day: number }>();
  private readonly bySize = new Map<number, Bucket>();
  /** The sizes that have a bucket, largest first. */
  private readonly sizes = new DescendingNumbers();
  private next = 0;
  /** Buckets emptied, to be filled again under another size: their days' sets with them. */
  private readonly spare: Bucket[] = [];

  add(c: Cluster): void {
    if (this.members.has(c)) return;
    const m = { pos: this.next++, size: c.items.length, day: lastOf(c) };
    this.members.set(c, m);
    this.file(c, m.size, m.day);
  }

  delete(c: Cluster): void {
    const m = this.members.get(c);
    if (!m) return;
    this.members.delete(c);
    this.unfile(c, m.size, m.day);
  }

  /** An event of the pool took another mention: file it under its new count and last day. */
  grew(c: Cluster): void {
    const m = this.members.get(c);
    if (!m || (m.size === c.items.length && m.day === lastOf(c))) return;
    this.unfile(c, m.size, m.day);
    m.size = c.items.length;
    m.day = lastOf(c);
    this.file(c, m.size, m.day);
  }

  /**
   * The salient event for a mention of document `doc` (whose events are `inDoc`): the highest
   * score among the events that `fits` accepts, the first to join the pool among equals. With
   * `since`, the caller's fits() refuses every event last mentioned before that day, so those
   * are not asked. Within a bucket the days are searched from the latest down: the first day
   * with an event that fits holds the bucket's answer, so a dated mention looks at the days of
   * its own weeks, not at every event of the story's size.
   */
  best(doc: string, inDoc: Iterable<Cluster> | undefined, fits: (c: Cluster) => boolean, since?: number): Cluster | undefined {
    // The document's own events: any that fits outranks the rest (they score 0 for it).
    const top = mostSalient(inDoc ?? [], doc, fits, (c) => this.members.get(c)?.pos);
    if (top) return top;
    for (let s = 0; s < this.sizes.length; s++) {
      const bucket = this.bySize.get(this.sizes.at(s))!;
      const { days } = bucket;
      for (let i = 0; i < days.length; i++) {
        const day = days.at(i);
        // Days before `since` refuse all their events; the undated, last, are still asked.
        if (since !== undefined && day !== -Infinity && day < since) {
          if (days.at(days.length - 1) !== -Infinity) break;
          i = days.length - 2;
          continue;
        }
        let found: Cluster | undefined;
        let pos = Infinity;
        for (const c of bucket.byDay.get(day)!) {
          const m = this.members.get(c)!;
          if (m.pos > pos || (c.docs.get(doc) ?? 0) > 0 || !fits(c)) continue;
          [found, pos] = [c, m.pos];
        }
        if (found) return found;
      }
    }
    return undefined;
  }

  private file(c: Cluster, size: number, day: number): void {
    let bucket = this.bySize.get(size);
    if (!bucket) {
      bucket = this.spare.pop() ?? { byDay: new Map(), days: new DescendingNumbers() };
      this.bySize.set(size, bucket);
      this.sizes.insert(size);
    }
    let events = bucket.byDay.get(day);
    if (!events) {
      events = new Set();
      bucket.byDay.set(day, events);
    }
    // A day is searched while it holds an event; its emptied set waits in byDay to be filled again.
    if (events.size === 0) bucket.days.insert(day);
    events.add(c);
  }

  // An emptied day or bucket leaves the search, or every search would walk the sizes and days
  // that events passing through once had. Their sets are kept to be filled again (an emptied
  // day's in its bucket, an emptied bucket, a few, for the next new size): an event grows by one
  // mention at a time, from one size to the next, and making and dropping a bucket and a set at
  // each step made most of the clustering's garbage (hundreds of MB on a long text).
  private unfile(c: Cluster, size: number, day: number): void {
    const bucket = this.bySize.get(size)!;
    const events = bucket.byDay.get(day)!;
    events.delete(c);
    if (events.size > 0) return;
    bucket.days.remove(day);
    if (bucket.days.length > 0) return;
    this.bySize.delete(size);
    this.sizes.remove(size);
    if (this.spare.length < SPARE_BUCKETS) this.spare.push(bucket);
  }
}

/** Emptied buckets kept for reuse by a pool: one event's growth needs one at a time. */
const SPARE_BUCKETS = 4;

/**
 * Of `events`, the one with the highest score for document `doc` that `fits` accepts: the score,
 * cheap, is compared before fits(), dear, is asked, so an event that could not win is not tested.
 * Among equals, the lowest `rank` (an event without one is left out), else the first met.
 */
export function mostSalient(events: Iterable<Cluster>, doc: string, fits: (c: Cluster) => boolean, rank?: (c: Cluster) => number | undefined): Cluster | undefined {
  let top: Cluster | undefined;
  let held = 0;
  let size = 0;
  let last = 0;
  let pos = 0;
  for (const c of events) {
    const r = rank ? rank(c) : 0;
    if (r === undefined) continue;
    const d = c.docs.get(doc) ?? 0;
    const n = c.items.length;
    const l = lastOf(c);
    if (top && !(d > held || (d === held && (n > size || (n === size && (l > last || (l === last && r < pos))))))) continue;
    if (!fits(c)) continue;
    [top, held, size, last, pos] = [c, d, n, l, r];
  }
  return top;
}

const lastOf = (c: Cluster): number => (Number.isNaN(c.lastDay) ? -Infinity : c.lastDay);
