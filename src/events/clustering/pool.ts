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

export class EventPool {
  /** Each event's place in the order it joined, and the bucket (mention count) it is filed in. */
  private readonly members = new Map<Cluster, { pos: number; size: number }>();
  private readonly bySize = new Map<number, Set<Cluster>>();
  /** The sizes that have a bucket (maybe empty), largest first. */
  private sizes: number[] = [];
  private next = 0;

  add(c: Cluster): void {
    if (this.members.has(c)) return;
    const size = c.items.length;
    this.members.set(c, { pos: this.next++, size });
    this.file(c, size);
  }

  delete(c: Cluster): void {
    const m = this.members.get(c);
    if (!m) return;
    this.members.delete(c);
    this.unfile(c, m.size);
  }

  /** An event of the pool took another mention: file it under its new count. */
  grew(c: Cluster): void {
    const m = this.members.get(c);
    if (!m || m.size === c.items.length) return;
    this.unfile(c, m.size);
    m.size = c.items.length;
    this.file(c, m.size);
  }

  /**
   * The salient event for a mention of document `doc` (whose events are `inDoc`): the highest
   * score among the events that `fits` accepts, the first to join the pool among equals. With
   * `since`, the caller's fits() refuses every event last mentioned before that day, so those
   * are not asked.
   */
  best(doc: string, inDoc: Iterable<Cluster> | undefined, fits: (c: Cluster) => boolean, since?: number): Cluster | undefined {
    // The document's own events: any that fits outranks the rest (they score 0 for it).
    let top = mostSalient(inDoc ?? [], doc, fits, (c) => this.members.get(c)?.pos);
    if (top) return top;
    let last = 0;
    let pos = 0;
    for (const n of this.sizes) {
      for (const c of this.bySize.get(n)!) {
        const m = this.members.get(c)!;
        const l = lastOf(c);
        if ((top && !(l > last || (l === last && m.pos < pos))) || (since !== undefined && l !== -Infinity && l < since)) continue;
        if ((c.docs.get(doc) ?? 0) > 0 || !fits(c)) continue;
        [top, last, pos] = [c, l, m.pos];
      }
      if (top) return top;
    }
    return undefined;
  }

  private file(c: Cluster, size: number): void {
    let bucket = this.bySize.get(size);
    if (!bucket) {
      bucket = new Set();
      this.bySize.set(size, bucket);
      const at = this.sizes.findIndex((n) => n < size);
      this.sizes.splice(at < 0 ? this.sizes.length : at, 0, size);
    }
    bucket.add(c);
  }

  // An emptied bucket is kept: events pass through the small sizes all the time.
  private unfile(c: Cluster, size: number): void {
    this.bySize.get(size)!.delete(c);
  }
}

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
