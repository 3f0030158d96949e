/**
 * Completion: mentions that name fewer than two parties find the event they belong to
 * (salientFor, completeFrom), one-sided mentions of one place make one event together
 * (samePlaceRounds), and meetings between countries find their people's meeting (leadersFor).
 */
import { type Cluster, type ClusterIndex, type Item, AFTER_HELD, GAP_DAYS, ROUND_DAYS, compatible, foldPlace, push } from './model.js';
import type { Parties } from './parties.js';
import { mostSalient } from './pool.js';

/**
 * The event a mention that names fewer than two parties ("the deal was blocked", "its bid for
 * Ardent") belongs to: among the events of its type whose parties include the ones it names and
 * that are compatible in place and time, one at the place it names ("talks in Kelmar" are the
 * Kelmar talks), else one its own document speaks of, else any; within each, the one its
 * document speaks of most, then the one the story speaks of most, then the most recent. Each
 * step looks only where its index points, so a story of thousands of events stays cheap.
 */
export function salientFor(index: ClusterIndex, it: Item, lasting: ReadonlySet<string>): Cluster | undefined {
  const type = it.mention.type;
  // Named by its place alone, a mention that plans or calls off an event is no held one there
  // ("the Kelmar summit was called off" is not the ministers' meeting held in Kelmar).
  const afterHeld = it.claims.length > 0 && it.claims.every((cl) => !AFTER_HELD.has(cl.status));
  const fits = (c: Cluster): boolean => {
    const parties = c.items[0]!.participants;
    return c.items[0]!.mention.type === type && it.participants.every((p) => parties.includes(p)) && !(afterHeld && c.heldDay !== null && it.day >= c.heldDay) && compatible(c, it, lasting);
  };
  // A dated mention of a type that does not last joins no event last mentioned more than
  // GAP_DAYS before it (compatible() refuses them): the pools do not ask those.
  const since = !Number.isNaN(it.day) && !lasting.has(type) ? it.day - GAP_DAYS : undefined;
  const inDoc = index.byDoc.get(it.doc.id);
  const place = it.mention.place ? index.byPlace.get(`${type}|${foldPlace(it.mention.place)}`) : undefined;
  const found = place?.best(it.doc.id, inDoc, fits, since) ?? mostSalient(inDoc ?? [], it.doc.id, fits);
  if (found || it.mention.scope === 'document') return found;
  return (it.participants.length > 0 ? index.byParty.get(`${type}|${it.participants[0]}`) : index.byType.get(type))?.best(it.doc.id, inDoc, fits, since);
}

/**
 * For meetings and calls between states, a country stands for its people when its own article
 * says who met: "the Norland-Ostrava talks" beside "Lind met Moor" (Norland's and Ostrava's) is
 * that meeting. Among the compatible events of the article whose parties speak for exactly those
 * countries, the one it speaks of most; none leaves the countries as the parties.
 */
export function leadersFor(index: ClusterIndex, states: Cluster, p: Parties, lasting: ReadonlySet<string>): Cluster | undefined {
  const head = states.items[0]!;
  const want = new Set(head.participants);
  let best: Cluster | undefined;
  let most = 0;
  const near = new Set<Cluster>();
  for (const doc of states.docs.keys()) for (const c of index.byDoc.get(doc) ?? []) near.add(c);
  for (const c of near) {
    const first = c.items[0]!;
    if (c === states || first.mention.type !== head.mention.type || first.participants.some(p.isCountry)) continue;
    const countries = new Set(first.participants.map((x) => p.countryOf(x)));
    if (countries.size !== want.size || ![...countries].every((x) => x !== null && want.has(x)) || !states.items.every((it) => compatible(c, it, lasting))) continue;
    let inDoc = 0;
    for (const [doc, n] of states.docs) if (c.docs.has(doc)) inDoc += n;
    if (inDoc > most) {
      best = c;
      most = inDoc;
    }
  }
  return best;
}


/** Mentions of one type and named place, each within ROUND_DAYS of the one before. */
export function samePlaceRounds(items: readonly Item[]): Item[][] {
  const byPlace = new Map<string, Item[]>();
  for (const it of items) {
    if (!it.mention.place || Number.isNaN(it.day)) continue;
    push(byPlace, `${it.mention.type}|${foldPlace(it.mention.place)}`, it);
  }
  const out: Item[][] = [];
  for (const list of byPlace.values()) {
    list.sort((a, b) => a.day - b.day);
    let round: Item[] = [];
    for (const it of list) {
      if (round.length > 0 && it.day - round[round.length - 1]!.day > ROUND_DAYS) {
        out.push(round);
        round = [];
      }
      round.push(it);
    }
    if (round.length > 0) out.push(round);
  }
  return out;
}

/** Each mention joins its salient event, if any (its parties become the event's); the rest are returned. */
export function completeFrom(index: ClusterIndex, items: readonly Item[], lasting: ReadonlySet<string>, join: (c: Cluster, it: Item) => void): Item[] {
  const rest: Item[] = [];
  for (const it of items) {
    const c = salientFor(index, it, lasting);
    if (!c) {
      rest.push(it);
      continue;
    }
    it.participants = c.items[0]!.participants;
    join(c, it);
  }
  return rest;
}
