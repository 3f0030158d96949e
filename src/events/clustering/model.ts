/**
 * What clustering works on: a mention with its claims and normalised parties (Item), an event
 * taking shape (Cluster), the indexes that find events without scanning them all, and the test
 * of whether a mention can join an event (place, time, a gap in coverage, a held event closed).
 */
import type { Claim, Doc, EventMention, Status, TimeValue } from '../../core/types.js';
import { FACT } from '../../core/vocabulary.js';
import { EventPool } from './pool.js';

export const GAP_DAYS = 30;
/** How many days apart mentions of one round of talks may be (one-sided mentions of a place, a denial and its talks). */
export const ROUND_DAYS = 7;
/** The statuses that can still be said of a held event. */
export const AFTER_HELD: ReadonlySet<Status> = FACT;

export interface Item {
  doc: Doc;
  mention: EventMention;
  claims: Claim[];
  participants: string[];
  day: number;
  order: number;
}

export interface Cluster {
  key: string;
  ordinal: number;
  items: Item[];
  place: string | null;
  time: TimeValue | null;
  lastDay: number;
  heldDay: number | null;
  /** When a lasting event (a deal, a truce) was last said to be closed or called off. */
  closedDay: number | null;
  /** While every claim on it says it did not take place: the last day one did; null once any other status is told. */
  deniedDay?: number | null;
  /** How many of its mentions each document holds. */
  docs: Map<string, number>;
}

/**
 * While every claim on `c` says it did not take place, the last day one did (compatible() reads
 * it); null for good once any other status is told. An undated denial ends the count too.
 */
export function noteDenial(c: Cluster, it: Item): void {
  if (it.claims.length === 0 || c.deniedDay === null) return;
  const denied = it.claims.every((cl) => cl.status === 'not_held');
  if (!denied || Number.isNaN(it.day)) c.deniedDay = denied ? c.deniedDay ?? null : null;
  else c.deniedDay = Math.max(c.deniedDay ?? it.day, it.day);
}

/** The events made so far, found by type, by type and party, and by document. */
export interface ClusterIndex {
  all: Cluster[];
  byType: Map<string, EventPool>;
  /** `type|party` -> the events of that type with that party. */
  byParty: Map<string, EventPool>;
  /** `type|folded place` -> the events of that type at that place. */
  byPlace: Map<string, EventPool>;
  byDoc: Map<string, Set<Cluster>>;
  /** The pools each event is in, told when it takes a mention (grew). */
  poolsOf: Map<Cluster, EventPool[]>;
}

export function emptyIndex(all: Cluster[]): ClusterIndex {
  return { all, byType: new Map(), byParty: new Map(), byPlace: new Map(), byDoc: new Map(), poolsOf: new Map() };
}

/** Put an event in the pool `key` of one of the index's pool maps. */
export function pool(index: ClusterIndex, pools: Map<string, EventPool>, key: string, c: Cluster): void {
  let p = pools.get(key);
  if (!p) {
    p = new EventPool();
    pools.set(key, p);
  }
  p.add(c);
  push(index.poolsOf, c, p);
}

/** An event took a mention: its pools file it again by its size. */
export function grew(index: ClusterIndex, c: Cluster): void {
  for (const p of index.poolsOf.get(c) ?? []) p.grew(c);
}

/** Take an event out of every index (it has gone whole into another). */
export function unindex(index: ClusterIndex, c: Cluster): void {
  for (const p of index.poolsOf.get(c) ?? []) p.delete(c);
  index.poolsOf.delete(c);
  // Only the documents of its mentions hold it (a pass over every document's set for each event
  // moved was 3 s of a 50,000-article clustering).
  for (const doc of c.docs.keys()) index.byDoc.get(doc)?.delete(c);
  const i = index.all.indexOf(c);
  if (i >= 0) index.all.splice(i, 1);
}

export function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

const DAY = 86_400_000;
export function dayOf(t: TimeValue | null | undefined): number {
  const s = t?.start ?? t?.end;
  if (!s) return Number.NaN;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? Number.NaN : Math.floor(ms / DAY);
}
/** A place name as compared: lower case, words only. Kept once worked out: a story names few places, and every test of an event against a mention compares them. */
const folded = new Map<string, string>();
export const foldPlace = (p: string): string => {
  let f = folded.get(p);
  if (f === undefined) {
    if (folded.size >= 100_000) folded.clear();
    f = p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    folded.set(p, f);
  }
  return f;
};

function timesOverlap(a: TimeValue | null, b: TimeValue | null): boolean {
  if (!a?.start || !a.end || !b?.start || !b.end) return true;
  return a.start <= b.end && b.start <= a.end;
}

/** One place named twice: the same words, or one name inside the other ("Lake Kelmar", "Kelmar"). */
export function samePlace(a: string, b: string): boolean {
  const x = foldPlace(a);
  const y = foldPlace(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return ` ${long} `.includes(` ${short} `);
}

export function compatible(c: Cluster, it: Item, lasting: ReadonlySet<string>): boolean {
  const place = it.mention.place;
  // A deal or a truce has no venue or date of its own to clash: "the Kelmar deal" signed in
  // March and "the deal" due to close in June are one until it is completed.
  const lasts = lasting.has(it.mention.type) && c.closedDay === null;
  if (place && c.place && !samePlace(place, c.place) && !lasts) return false;
  if (!lasts && !timesOverlap(c.time, it.mention.time)) return false;
  if (!Number.isNaN(it.day) && !Number.isNaN(c.lastDay) && it.day - c.lastDay > GAP_DAYS && !lasts) return false;
  // Talks denied so far ("there have been no talks") are not the talks held weeks later: a held
  // mention more than a round after the last denial is another occurrence.
  if (c.deniedDay != null && !Number.isNaN(it.day) && it.day - c.deniedDay > ROUND_DAYS && it.claims.some((cl) => cl.status === 'held')) return false;
  if (c.heldDay !== null && it.claims.length > 0 && it.claims.every((cl) => !AFTER_HELD.has(cl.status)) && !(place && c.place)) {
    if (!Number.isNaN(it.day) && it.day >= c.heldDay) return false;
  }
  return true;
}
