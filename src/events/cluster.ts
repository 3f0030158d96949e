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
 * Mentions naming fewer parties are then completed from the events so made
 * (clustering/completion.ts); parties are normalised in clustering/parties.ts.
 */
import { shortHash as hash } from '../core/id.js';
import type { Claim, Doc, Event, LedgerClaim, Status, TimeValue } from '../core/types.js';
import type { Canonical } from '../entities/index.js';
import { eventLexicon } from './lexicon.js';
import { eventTypeLabel } from '../core/vocabulary.js';
import { delegationHeads, triggerEntry } from './clustering/delegations.js';
import { type Cluster, type ClusterIndex, type Item, compatible, noteDenial, dayOf, emptyIndex, foldPlace, grew, pool, unindex } from './clustering/model.js';
import { completeFrom, leadersFor, samePlaceRounds } from './clustering/completion.js';
import { partiesOf, partyResolver } from './clustering/parties.js';

export { GAP_DAYS } from './clustering/model.js';

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

  // Talks between states are their delegations' meeting, where the story says who led them.
  const { delegations } = eventLexicon();
  const heads = delegationHeads(docs, canon, parties, items, delegations);
  for (const it of items) {
    if (!delegations.has(triggerEntry(it.mention.rule))) continue;
    const people = heads(it);
    if (people?.length === 2) it.participants = people;
  }

  const index = new Map<string, Cluster[]>();
  const clusters: Cluster[] = [];
  const made: ClusterIndex = emptyIndex(clusters);
  const join = (c: Cluster, it: Item): void => {
    c.items.push(it);
    c.docs.set(it.doc.id, (c.docs.get(it.doc.id) ?? 0) + 1);
    const inDoc = made.byDoc.get(it.doc.id);
    if (inDoc) inDoc.add(c);
    else made.byDoc.set(it.doc.id, new Set([c]));
    if (c.place === null && it.mention.place) {
      c.place = it.mention.place;
      pool(made, made.byPlace, `${it.mention.type}|${foldPlace(c.place)}`, c);
    }
    c.time ??= it.mention.time;
    noteDenial(c, it);
    if (!Number.isNaN(it.day)) c.lastDay = Number.isNaN(c.lastDay) ? it.day : Math.max(c.lastDay, it.day);
    if (it.claims.some((cl) => cl.status === 'held') && !Number.isNaN(it.day)) c.heldDay = Math.max(c.heldDay ?? it.day, it.day);
    // A deal blocked by others can be revived by its parties; one completed is over.
    if (it.claims.some((cl) => cl.status === 'held') && !Number.isNaN(it.day)) c.closedDay = Math.max(c.closedDay ?? it.day, it.day);
    // Last, once its size and last day are what its pools file it by.
    grew(made, c);
  };
  const partial: Item[] = [];
  const states: Item[] = [];
  const keyed = (it: Item): void => {
    const key = `${it.mention.type}|${it.participants.join('|')}`;
    const list = index.get(key) ?? [];
    // An undated mention that names a dated event's place belongs to it before any undated one.
    const dated = Number.isNaN(it.day) ? list.findLast((x) => !Number.isNaN(x.lastDay) && compatible(x, it, lasting)) : undefined;
    let c = dated ?? list.findLast((x) => compatible(x, it, lasting));
    if (!c) {
      c = { key, ordinal: list.length, items: [], place: null, time: null, lastDay: Number.NaN, heldDay: null, closedDay: null, docs: new Map() };
      list.push(c);
      index.set(key, list);
      clusters.push(c);
      pool(made, made.byType, it.mention.type, c);
      for (const p of it.participants) pool(made, made.byParty, `${it.mention.type}|${p}`, c);
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
    // An undated mention joined the countries' event only as the latest that fitted; where no
    // article of its own names the people, nothing says it was their meeting: it stays the countries'.
    const stay = c.items.filter((it) => Number.isNaN(it.day) && !people.docs.has(it.doc.id) && !c.items.some((x) => x.doc === it.doc && !Number.isNaN(x.day)));
    for (const it of c.items) {
      if (stay.includes(it)) continue;
      it.participants = people.items[0]!.participants;
      join(people, it);
    }
    for (const it of stay) keyed(it);
  }
  // What still fits no event is one its own article speaks of at another time or place ("they
  // had a meeting this morning" in an article about a summit to come): it takes the parties of
  // the event of its type the article speaks of most, and makes an event of those parties.
  for (const it of completeFrom(made, unplaced, lasting, join)) {
    if (it.participants.length > 0) continue;
    const parties = docParties(made, it);
    if (!parties) continue;
    it.participants = parties;
    keyed(it);
  }

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

/** The parties of the event of `it`'s type that its article speaks of most, if any. */
function docParties(index: ClusterIndex, it: Item): string[] | undefined {
  let top: Cluster | undefined;
  for (const c of index.byDoc.get(it.doc.id) ?? []) {
    if (c.items[0]!.mention.type !== it.mention.type) continue;
    if (!top || (c.docs.get(it.doc.id) ?? 0) > (top.docs.get(it.doc.id) ?? 0)) top = c;
  }
  return top?.items[0]!.participants;
}
