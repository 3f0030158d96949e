/**
 * Corpus stage: event mentions of all documents -> events; every claim placed on its event.
 * An event is identified by its type and its normalised party set (a country for its
 * government; officials' deals for their countries). Mentions naming all their parties are
 * indexed by type + party set, so a mention is only compared with events of the same parties.
 * Within one key, a mention joins the most recent compatible event:
 *   - place: unknown fits anything; two named places must be the same;
 *   - time: stated event times must overlap; the statement dates may not be more than
 *     GAP_DAYS past the event's last mention (a story told again months later is a new round),
 *     except for lasting events (a deal, a truce) not yet closed or called off;
 *   - an undated mention (its document has no date) joins the most recent compatible event;
 *   - a held event is closed: a later claim of any status but held or not_held (proposed,
 *     planned, postponed, "never finalized"...) with no place of the held one belongs to
 *     another event (LEDGER.md: the next summit is another one; what happened cannot be
 *     postponed).
 * Mentions naming fewer parties are then completed from the events so made (salientFor,
 * samePlaceRounds, leadersFor below).
 */
import { createHash } from 'node:crypto';
import type { Claim, Doc, Event, EventMention, LedgerClaim, Status, TimeValue } from '../core/types.js';
import type { Canonical } from '../entities/index.js';
import { eventLexicon } from './lexicon.js';
import { FACT, eventTypeLabel } from '../core/vocabulary.js';

export const GAP_DAYS = 30;
/** The statuses that can still be said of a held event. */
const AFTER_HELD: ReadonlySet<Status> = FACT;

interface Item {
  doc: Doc;
  mention: EventMention;
  claims: Claim[];
  participants: string[];
  day: number;
  order: number;
}

interface Cluster {
  key: string;
  ordinal: number;
  items: Item[];
  place: string | null;
  time: TimeValue | null;
  lastDay: number;
  heldDay: number | null;
  /** When a lasting event (a deal, a truce) was last said to be closed or called off. */
  closedDay: number | null;
  /** How many of its mentions each document holds. */
  docs: Map<string, number>;
}

/** The events made so far, found by type, by type and party, and by document. */
interface ClusterIndex {
  all: Cluster[];
  byType: Map<string, Cluster[]>;
  /** `type|party` -> the events of that type with that party. */
  byParty: Map<string, Cluster[]>;
  /** `type|folded place` -> the events of that type at that place. */
  byPlace: Map<string, Cluster[]>;
  byDoc: Map<string, Set<Cluster>>;
}

/** Take an event out of every index (it has gone whole into another). */
function unindex(index: ClusterIndex, c: Cluster): void {
  const out = <K>(m: Map<K, Cluster[]>): void => {
    for (const [k, l] of m) if (l.includes(c)) m.set(k, l.filter((x) => x !== c));
  };
  out(index.byType);
  out(index.byParty);
  out(index.byPlace);
  for (const set of index.byDoc.values()) set.delete(c);
  const i = index.all.indexOf(c);
  if (i >= 0) index.all.splice(i, 1);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

const DAY = 86_400_000;
function dayOf(t: TimeValue | null | undefined): number {
  const s = t?.start ?? t?.end;
  if (!s) return Number.NaN;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? Number.NaN : Math.floor(ms / DAY);
}
const foldPlace = (p: string): string => p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function timesOverlap(a: TimeValue | null, b: TimeValue | null): boolean {
  if (!a?.start || !a.end || !b?.start || !b.end) return true;
  return a.start <= b.end && b.start <= a.end;
}

function compatible(c: Cluster, it: Item, lasting: ReadonlySet<string>): boolean {
  const place = it.mention.place;
  // A deal or a truce has no venue or date of its own to clash: "the Kelmar deal" signed in
  // March and "the deal" due to close in June are one until it is completed.
  const lasts = lasting.has(it.mention.type) && c.closedDay === null;
  if (place && c.place && foldPlace(place) !== foldPlace(c.place) && !lasts) return false;
  if (!lasts && !timesOverlap(c.time, it.mention.time)) return false;
  if (!Number.isNaN(it.day) && !Number.isNaN(c.lastDay) && it.day - c.lastDay > GAP_DAYS && !(lasting.has(it.mention.type) && c.closedDay === null)) return false;
  if (c.heldDay !== null && it.claims.length > 0 && it.claims.every((cl) => !AFTER_HELD.has(cl.status)) && !(place && c.place)) {
    if (!Number.isNaN(it.day) && it.day >= c.heldDay) return false;
  }
  return true;
}

/**
 * The event a mention that names fewer than two parties ("the deal was blocked", "its bid for
 * Ardent") belongs to: among the events of its type whose parties include the ones it names and
 * that are compatible in place and time, one at the place it names ("talks in Kelmar" are the
 * Kelmar talks), else one its own document speaks of, else any; within each, the one its
 * document speaks of most, then the one the story speaks of most, then the most recent. Each
 * step looks only where its index points, so a story of thousands of events stays cheap.
 */
function salientFor(index: ClusterIndex, it: Item, lasting: ReadonlySet<string>): Cluster | undefined {
  const type = it.mention.type;
  // Named by its place alone, a mention that plans or calls off an event is no held one there
  // ("the Kelmar summit was called off" is not the ministers' meeting held in Kelmar).
  const afterHeld = it.claims.length > 0 && it.claims.every((cl) => !AFTER_HELD.has(cl.status));
  const fits = (c: Cluster): boolean => {
    const parties = c.items[0]!.participants;
    return c.items[0]!.mention.type === type && it.participants.every((p) => parties.includes(p)) && !(afterHeld && c.heldDay !== null && it.day >= c.heldDay) && compatible(c, it, lasting);
  };
  const best = (pool: Iterable<Cluster>): Cluster | undefined => {
    let top: Cluster | undefined;
    let topScore: number[] = [];
    for (const c of pool) {
      if (!fits(c)) continue;
      const score = [c.docs.get(it.doc.id) ?? 0, c.items.length, Number.isNaN(c.lastDay) ? -Infinity : c.lastDay];
      if (!top || before(topScore, score)) {
        top = c;
        topScore = score;
      }
    }
    return top;
  };
  const place = it.mention.place ? index.byPlace.get(`${type}|${foldPlace(it.mention.place)}`) : undefined;
  const inDoc = (place && best(place)) ?? best(index.byDoc.get(it.doc.id) ?? []);
  if (inDoc || it.mention.scope === 'document') return inDoc;
  return best((it.participants.length > 0 ? index.byParty.get(`${type}|${it.participants[0]}`) : index.byType.get(type)) ?? []);
}

/**
 * For meetings and calls between states, a country stands for its people when its own article
 * says who met: "the Norland-Ostrava talks" beside "Lind met Moor" (Norland's and Ostrava's) is
 * that meeting. Among the compatible events of the article whose parties speak for exactly those
 * countries, the one it speaks of most; none leaves the countries as the parties.
 */
function leadersFor(index: ClusterIndex, states: Cluster, p: Parties, lasting: ReadonlySet<string>): Cluster | undefined {
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

/** How many days apart one-sided mentions of one place may be and still be one round. */
const ROUND_DAYS = 7;

/** Mentions of one type and named place, each within ROUND_DAYS of the one before. */
function samePlaceRounds(items: readonly Item[]): Item[][] {
  const byPlace = new Map<string, Item[]>();
  for (const it of items) {
    if (!it.mention.place || Number.isNaN(it.day)) continue;
    const k = `${it.mention.type}|${foldPlace(it.mention.place)}`;
    const l = byPlace.get(k);
    if (l) l.push(it);
    else byPlace.set(k, [it]);
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
function completeFrom(index: ClusterIndex, items: readonly Item[], lasting: ReadonlySet<string>, join: (c: Cluster, it: Item) => void): Item[] {
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

/** Lexicographic order of scores: whether `b` ranks above `a`. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (b[i]! !== a[i]!) return b[i]! > a[i]!;
  return false;
}

const hash = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 12);

/**
 * The party an entity stands for in an event. A country and its government are one party, the
 * country (LEDGER.md: Moscow or the Kremlin speaking for the Russian government), so "a deal
 * with Damaris" and "the Damarian government's deal" are about the same parties. People keep
 * their own identity: who met whom is what tells two meetings apart.
 */
interface Parties {
  /** The country for its government; the id itself otherwise. */
  party: (id: string) => string;
  /** The country whose government a person or body speaks for. */
  countryOf: (id: string) => string | null;
  /** A country (a place with a government of its own). */
  isCountry: (id: string) => boolean;
  /** An official: a person who speaks for a country's government. */
  isOfficial: (id: string) => boolean;
  /** The company a person speaks for ("Brix's chief" for Brix), when it is no government. */
  companyOf: (id: string) => string | null;
  placeKey: (id: string) => string | null;
}

function partyResolver(canon: Canonical): Parties {
  const byId = new Map(canon.entities.map((e) => [e.id, e]));
  // Entity.side is the name of the side's entity, or one of its aliases ("Brix" for Brix Capital).
  const byName = new Map(canon.entities.map((e) => [e.name, e]));
  for (const e of canon.entities) for (const a of e.aliases) if (!byName.has(a)) byName.set(a, e);
  const sideOf = (id: string): string | undefined => {
    const e = byId.get(id);
    const s = e?.side && e.side !== e.name ? byName.get(e.side) : undefined;
    return s?.type === 'organization' ? s.id : undefined;
  };
  const countryOfGov = new Map<string, string>();
  for (const e of canon.entities) {
    const g = e.type === 'place' ? sideOf(e.id) : undefined;
    if (g && !countryOfGov.has(g)) countryOfGov.set(g, e.id);
  }
  const countries = new Set(countryOfGov.values());
  const placeNames = new Map(canon.entities.filter((e) => e.type === 'place').map((e) => [e.id, foldPlace(e.name)]));
  return {
    party: (id) => countryOfGov.get(id) ?? id,
    countryOf: (id) => {
      const g = sideOf(id);
      return g ? countryOfGov.get(g) ?? null : null;
    },
    isCountry: (id) => countries.has(id),
    isOfficial: (id) => byId.get(id)?.type === 'person' && sideOf(id) !== undefined && countryOfGov.has(sideOf(id)!),
    companyOf: (id) => {
      const s = byId.get(id)?.type === 'person' ? sideOf(id) : undefined;
      return s && !countryOfGov.has(s) ? s : null;
    },
    placeKey: (id) => placeNames.get(id) ?? null,
  };
}

/**
 * Participants as parties, without the event's own city ("the summit in Kelmar" is not with
 * Kelmar). Parties of one level: next to a country, a person or body of another government
 * stands for that government's country ("Reyk's summit with Damaris" is Ostrelia's); among
 * people alone, who met whom stays what tells two meetings apart.
 */
function partiesOf(m: EventMention, ent: (local: string) => string, p: Parties, betweenStates: ReadonlySet<string>): string[] {
  const place = m.place ? foldPlace(m.place) : null;
  // A city named as the place is where, not who; a country stays a party ("a Ukraine peace deal").
  const ids = m.participants.map(ent).map(p.party).filter((id) => !(place && p.placeKey(id) === place && !p.isCountry(id)));
  // A deal between two leaders, each speaking for a country, is their countries' deal; so is
  // "the deal" of a leader alone, to be completed with the other country. A company is no
  // official: its deal stays its own.
  const countryLevel = ids.some(p.isCountry) || (betweenStates.has(m.type) && ids.length >= 1 && ids.every(p.isOfficial));
  if (countryLevel) return [...new Set(ids.map((id) => (p.isCountry(id) ? id : p.countryOf(id) ?? id)))].sort();
  // "we will never give up on our bid," its chief said: a company's people make its deals.
  return [...new Set(betweenStates.has(m.type) ? ids.map((id) => p.companyOf(id) ?? id) : ids)].sort();
}

export function clusterEvents(docs: readonly Doc[], canon: Canonical): { events: Event[]; claims: LedgerClaim[] } {
  const entityName = new Map(canon.entities.map((e) => [e.id, e.name]));
  const sideOf = new Map(canon.entities.map((e) => [e.id, e.side]));
  const parties = partyResolver(canon);
  const { lasting, betweenStates } = eventLexicon();
  const items: Item[] = [];
  let order = 0;
  for (const doc of docs) {
    const map = canon.entityOf.get(doc.id);
    const localName = new Map(doc.locals.map((l) => [l.id, l.name]));
    // Without a canonical entity, a local falls back to its folded name, so that the same
    // name in two documents still meets.
    const ent = (local: string): string => map?.get(local) ?? `local:${(localName.get(local) ?? `${doc.id}/${local}`).toLowerCase()}`;
    const byMention = new Map<string, Claim[]>();
    for (const c of doc.claims) {
      const l = byMention.get(c.eventMention);
      if (l) l.push(c);
      else byMention.set(c.eventMention, [c]);
    }
    for (const m of doc.eventMentions) {
      const claims = byMention.get(m.id) ?? [];
      const day = dayOf(claims[0]?.date ?? (doc.meta.published ? { start: doc.meta.published.date } as TimeValue : null));
      items.push({ doc, mention: m, claims, participants: partiesOf(m, ent, parties, betweenStates), day, order: order++ });
    }
  }
  // Dated mentions first, in date order, so that events take shape from what is dated; an
  // undated mention then joins the most recent compatible event (it cannot open a round).
  items.sort((a, b) => (Number.isNaN(a.day) ? Infinity : a.day) - (Number.isNaN(b.day) ? Infinity : b.day) || a.order - b.order);

  const index = new Map<string, Cluster[]>();
  const clusters: Cluster[] = [];
  const made: ClusterIndex = { all: clusters, byType: new Map(), byParty: new Map(), byPlace: new Map(), byDoc: new Map() };
  const join = (c: Cluster, it: Item): void => {
    c.items.push(it);
    c.docs.set(it.doc.id, (c.docs.get(it.doc.id) ?? 0) + 1);
    const inDoc = made.byDoc.get(it.doc.id);
    if (inDoc) inDoc.add(c);
    else made.byDoc.set(it.doc.id, new Set([c]));
    if (c.place === null && it.mention.place) {
      c.place = it.mention.place;
      push(made.byPlace, `${it.mention.type}|${foldPlace(c.place)}`, c);
    }
    c.time ??= it.mention.time;
    if (!Number.isNaN(it.day)) c.lastDay = Number.isNaN(c.lastDay) ? it.day : Math.max(c.lastDay, it.day);
    if (it.claims.some((cl) => cl.status === 'held') && !Number.isNaN(it.day)) c.heldDay = Math.max(c.heldDay ?? it.day, it.day);
    // A deal blocked by others can be revived by its parties; one completed is over.
    if (it.claims.some((cl) => cl.status === 'held') && !Number.isNaN(it.day)) c.closedDay = Math.max(c.closedDay ?? it.day, it.day);
  };
  const partial: Item[] = [];
  const states: Item[] = [];
  const keyed = (it: Item): void => {
    const key = `${it.mention.type}|${it.participants.join('|')}`;
    const list = index.get(key) ?? [];
    // An undated mention that names a dated event's place belongs to it before any undated one.
    const dated = Number.isNaN(it.day) ? [...list].reverse().find((x) => !Number.isNaN(x.lastDay) && compatible(x, it, lasting)) : undefined;
    let c = dated ?? [...list].reverse().find((x) => compatible(x, it, lasting));
    if (!c) {
      c = { key, ordinal: list.length, items: [], place: null, time: null, lastDay: Number.NaN, heldDay: null, closedDay: null, docs: new Map() };
      list.push(c);
      index.set(key, list);
      clusters.push(c);
      push(made.byType, it.mention.type, c);
      for (const p of it.participants) push(made.byParty, `${it.mention.type}|${p}`, c);
    }
    join(c, it);
  };
  for (const it of items) {
    if (it.participants.length < 2) partial.push(it);
    // "the Norland-Ostrava talks": countries meet through their people, placed below.
    else if (!betweenStates.has(it.mention.type) && it.participants.every(parties.isCountry)) states.push(it);
    else keyed(it);
  }
  // Mentions naming fewer than two parties join the salient event that includes them; those of
  // one place a few days apart, with none to join, make one event of their parties together
  // ("talks in Kelmar" with Venn on Monday, with Sol on Tuesday). Meetings between countries then
  // find their people's meeting; what was left finds the events these made.
  let unplaced = completeFrom(made, partial, lasting, join);
  for (const group of samePlaceRounds(unplaced)) {
    const union = [...new Set(group.flatMap((it) => it.participants))].sort();
    if (union.length < 2) continue;
    for (const it of group) {
      it.participants = union;
      keyed(it);
    }
  }
  unplaced = unplaced.filter((it) => it.participants.length < 2);
  // A meeting between countries is one event however many articles tell it: it goes whole to
  // the people's meeting that one of its articles names, or stays the countries'.
  const countryLevel = new Set<Cluster>();
  for (const it of states) {
    const before = clusters.length;
    keyed(it);
    if (clusters.length > before) countryLevel.add(clusters[clusters.length - 1]!);
  }
  for (const c of countryLevel) {
    const people = leadersFor(made, c, parties, lasting);
    if (!people) continue;
    unindex(made, c);
    index.set(c.key, (index.get(c.key) ?? []).filter((x) => x !== c));
    for (const it of c.items) {
      it.participants = people.items[0]!.participants;
      join(people, it);
    }
  }
  completeFrom(made, unplaced, lasting, join);

  const events: Event[] = [];
  const claims: LedgerClaim[] = [];
  const byDocClaims = new Map<string, LedgerClaim[]>();
  for (const c of clusters) {
    const first = c.items[0]!;
    const participants = first.participants;
    const id = `ev-${hash(`${c.key}|${c.place ?? ''}|${c.ordinal}`)}`;
    const names = participants.map((p) => entityName.get(p) ?? p.replace(/^local:/, ''));
    const label = `${eventTypeLabel(first.mention.type)}: ${names.join(' – ')}${c.place ? ` in ${c.place}` : ''}`;
    const placed: LedgerClaim[] = [];
    for (const it of c.items) {
      const entityOf = canon.entityOf.get(it.doc.id);
      for (const cl of it.claims) {
        const source = cl.source ? entityOf?.get(cl.source) ?? null : null;
        const lc: LedgerClaim = {
          id: `${it.doc.id}:${cl.id}`,
          doc: it.doc.id,
          claim: cl,
          event: id,
          source,
          side: source ? sideOf.get(source) ?? null : null,
          copyOf: null,
        };
        // For conflicts: the party of a narrated act, and when the clause places it.
        if (cl.actor) lc.actor = entityOf?.get(cl.actor) ?? null;
        if (it.mention.time) lc.told = it.mention.time;
        placed.push(lc);
        const l = byDocClaims.get(it.doc.id);
        if (l) l.push(lc);
        else byDocClaims.set(it.doc.id, [lc]);
      }
    }
    claims.push(...placed);
    events.push({ id, type: first.mention.type, participants, place: c.place, time: c.time, label, mentions: c.items.map((it) => [it.doc.id, it.mention.id]), status: currentStatus(placed) });
  }
  markCopies(docs, claims, byDocClaims);
  return { events, claims };
}

/** The status best supported now: the latest asserted claim by date, else the latest of any. */
function currentStatus(placed: LedgerClaim[]): Status | null {
  const sorted = [...placed].sort((a, b) => (dayOf(a.claim.date) || 0) - (dayOf(b.claim.date) || 0));
  const firm = sorted.filter((c) => c.claim.modality === 'asserted');
  return (firm[firm.length - 1] ?? sorted[sorted.length - 1])?.claim.status ?? null;
}

/** A copy of a wire story repeats the original's claims: point each at the one it repeats. */
function markCopies(docs: readonly Doc[], claims: LedgerClaim[], byDoc: Map<string, LedgerClaim[]>): void {
  const docById = new Map(docs.map((d) => [d.id, d]));
  for (const doc of docs) {
    const orig = doc.meta.duplicateOf;
    if (!orig) continue;
    const theirs = byDoc.get(orig) ?? [];
    const origDoc = docById.get(orig);
    for (const lc of byDoc.get(doc.id) ?? []) {
      const text = doc.text.slice(lc.claim.evidence.start, lc.claim.evidence.end);
      const same = theirs.find((o) => o.event === lc.event && o.claim.status === lc.claim.status && (!origDoc || origDoc.text.slice(o.claim.evidence.start, o.claim.evidence.end) === text))
        ?? theirs.find((o) => o.event === lc.event && o.claim.status === lc.claim.status);
      if (same) lc.copyOf = same.id;
    }
  }
  void claims;
}
