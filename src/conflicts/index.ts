/**
 * Conflicts: per event only, pairs of claims that cannot both stand (table.ts), with a kind,
 * listed as a careful reader would list them (docs/conflicts.md):
 *   - a claim belongs to its party (party.ts): its source, or the party whose act the article
 *     narrates; a source with no side makes no conflict;
 *   - claims are ordered by the date of their status change (order.ts);
 *   - one side against itself: each claim is compared with every earlier status of that side,
 *     not only the latest (an offer, then "called off", is a reversal with "on hold" between),
 *     but a step already taken is not taken again (agreed -> postponed -> "possible some day"
 *     retreats from the postponement, not again from the agreement);
 *   - one side against another: a later claim that answers an earlier one (within a fortnight);
 *   - one conflict per event, side pair and kind in each round of the dispute: the first pair
 *     found stands for its round, and episodes.ts gathers the rest for the report, API and UI.
 * Left out: copies of a wire story (copyOf), conditional and questioned claims, "neither
 * confirm nor deny" (non-answer.ts) and recaps (recap.ts): a copy repeats, "unless", a question
 * and a non-answer assert nothing firm, and a recap is the earlier claim told again. Two statuses in one statement are not a change of course,
 * nor is the writer's aside (gloss.ts) a retreat.
 */
import type { Conflict, ConflictKind, Entity, Event, LedgerClaim, Status } from '../core/types.js';
import { conflictKind, firm, pressesOn, readPlanFirst, stops } from './table.js';
import { explain } from './explain.js';
import { partyResolver, type Party } from './party.js';
import { answers, byTime, comparable, sameDay, sameRound, timed, type Timed } from './order.js';
import { isRecap } from './recap.js';
import { isNonAnswer } from './non-answer.js';
import { isAside } from './gloss.js';
import { shortHash } from '../core/id.js';
import { AGAINST_COURSE, STATUSES } from '../core/vocabulary.js';
import { eventLexicon } from '../events/lexicon.js';
import { EVERY_EARLIER, lastBelow, reachOf, type Reach } from './reach.js';
import { drain } from '../core/steps.js';

const RULE = 'conflicts/ledger-table';

interface Placed extends Timed {
  party: Party;
  /** The side of the party that acts in the claim's clause, when one is named. */
  actorSide: string | null;
  /** Its evidence tells a party pressing on ("will continue discussions"): a proposal then answers a rejection. */
  pressing: boolean;
  /** Its evidence is the writer's aside on another statement (gloss.ts): no retreat of its side. */
  aside: boolean;
}

/** The clean text of a claim's document, to read its evidence; absent: no evidence is read (recaps, non-answers). */
export type TextOf = (c: LedgerClaim) => string | undefined;

const oneStatement = (a: Placed, b: Placed): boolean => a.c.doc === b.c.doc && !!a.c.claim.statement && a.c.claim.statement === b.c.claim.statement;

/** `m` comes after `a` in a side's timeline: a later day, or the same day read plan first (readPlanFirst), else in text order. */
function readAfter(m: Placed, a: Placed): boolean {
  if (m.day !== a.day) return m.day > a.day;
  if (readPlanFirst(m.c.claim.status, a.c.claim.status)) return true;
  if (readPlanFirst(a.c.claim.status, m.c.claim.status)) return false;
  return byTime(a, m) < 0;
}

/** A stop the side announced since `a` (among the first `end` of `before`) explains `b`: "on hold", then "possible some day", is no retreat. */
function explainedByStop(a: Placed, b: Placed, before: readonly Placed[], end: number): boolean {
  for (let i = 0; i < end; i++) {
    const m = before[i]!;
    if (m !== a && m.party.side === b.party.side && comparable(m, b) && m.day >= a.day && stops(m.c.claim.status) && !conflictKind(m.c.claim.status, b.c.claim.status, true)) return true;
  }
  return false;
}

/**
 * A weaker word the same day, or any day after a firm claim, is a hedge ("although he does not
 * know the outcome"), unless another side has disputed `a` by then: then it is a retreat.
 */
function hedge(a: Placed, b: Placed, all: readonly Placed[]): boolean {
  if (!sameDay(a, b) && !firm(a.c.claim.status)) return false;
  const disputed = all.some((x) => x.party.side !== b.party.side && comparable(x, b) && x.day <= b.day && answers(a, x) && conflictKind(a.c.claim.status, x.c.claim.status, false));
  return !disputed;
}

/**
 * A doubt told beside its side's own turn in the same article ("the merger is back on track,
 * though she cannot say how it will end") hedges that turn: the change from `a` is the reversal the
 * turn makes, not a second, softer retreat.
 */
function hedgesOwnTurn(a: Placed, b: Placed, all: readonly Placed[]): boolean {
  return all.some((m) => m !== b && m.c.doc === b.c.doc && m.party.side === b.party.side && comparable(m, b) && firm(m.c.claim.status) && conflictKind(a.c.claim.status, m.c.claim.status, true) === 'reversal');
}

/** An event's claims in time order, with where each side's claims of each status sit in it. */
interface Timeline {
  sorted: readonly Placed[];
  /** Side -> status -> the places of that side's claims of that status in `sorted`, ascending. */
  places: ReadonlyMap<string, ReadonlyMap<Status, readonly number[]>>;
  parties: ReadonlySet<string>;
}

function timeline(claims: readonly Placed[], parties: ReadonlySet<string>): Timeline {
  const sorted = [...claims].sort(byTime);
  const places = new Map<string, Map<Status, number[]>>();
  sorted.forEach((p, i) => {
    const side = places.get(p.party.side) ?? places.set(p.party.side, new Map()).get(p.party.side)!;
    const list = side.get(p.c.claim.status);
    if (list) list.push(i);
    else side.set(p.c.claim.status, [i]);
  });
  return { sorted, places, parties };
}

/**
 * Whether the side took, among its claims before place `end`, a change of course away from `a`
 * after it that `b` does not go back on ("agreed", "called off", then "not agreed yet").
 * Of a side's claims of one status, the latest is the one that can come after `a` if any can
 * (readAfter orders them as the timeline does), so one look-up a status answers it when both are
 * dated; otherwise the claims are read one by one.
 */
function turnedBetween(a: Placed, b: Placed, end: number, t: Timeline): boolean {
  const side = b.party.side;
  const taken = (m: Placed): boolean => m !== a && m !== b && m.party.side === side && comparable(m, b) && readAfter(m, a) && conflictKind(a.c.claim.status, m.c.claim.status, true) === 'reversal' && !conflictKind(m.c.claim.status, b.c.claim.status, true);
  const scan = (): boolean => {
    for (let i = 0; i < end; i++) if (taken(t.sorted[i]!)) return true;
    return false;
  };
  if (a.day === '' || b.day === '') return scan();
  const ofSide = t.places.get(side);
  for (const status of STATUSES) {
    if (conflictKind(a.c.claim.status, status, true) !== 'reversal' || conflictKind(status, b.c.claim.status, true)) continue;
    const list = ofSide?.get(status);
    if (!list) continue;
    let i = lastBelow(list, end);
    while (i >= 0 && (t.sorted[list[i]!] === a || t.sorted[list[i]!] === b)) i--;
    if (i < 0) continue;
    const m = t.sorted[list[i]!]!;
    if (m.day === '') return scan();
    if (readAfter(m, a)) return true;
  }
  return false;
}

/** Whether `b` retracts, reverses or corrects its side's earlier `a`, given the event's timeline `t`, of which the first `end` claims are before `b`. */
function sameSideKind(a: Placed, b: Placed, end: number, t: Timeline): ConflictKind | null {
  const parties = t.parties;
  // One statement is said at one time: two statuses in it speak of two things, not a change of mind.
  if (oneStatement(a, b)) return null;
  const kind = conflictKind(a.c.claim.status, b.c.claim.status, true);
  if (!kind) return null;
  if (kind !== 'reversal' && !answers(a, b)) return null;
  const side = b.party.side;
  // A change of course is the side's own: a stop it reports of a third side ("the regulator has
  // granted an extension", said by Brix) is news of that side's act, not Brix turning back. (A
  // party's refusal it reports, "Sol avoids meeting Venn", does turn back its own word that the
  // meeting was arranged.)
  if (kind === 'reversal' && [a, b].some((x) => AGAINST_COURSE.has(x.c.claim.status) && x.actorSide !== null && x.actorSide !== side && !parties.has(x.actorSide))) return null;
  // A change of course already taken between them, which b does not go back on.
  if (turnedBetween(a, b, end, t)) return null;
  // Two articles of one day do not tell which word came first: a softer word beside a firmer one
  // told elsewhere that day is not known to come after it.
  if (kind === 'walk_back' && a.c.doc !== b.c.doc && a.day === b.day) return null;
  if (kind === 'walk_back' && b.aside) return null;
  if (kind === 'walk_back' && (explainedByStop(a, b, t.sorted, end) || hedge(a, b, t.sorted) || hedgesOwnTurn(a, b, t.sorted))) return null;
  return kind;
}

/** Whether `b` answers another side's `a`; `parties` are the sides of the event's participants. */
function acrossKind(a: Placed, b: Placed, parties: ReadonlySet<string>): ConflictKind | null {
  if (!answers(a, b)) return null;
  // A plan told beside the news of its being called off is the story told, not an answer to it.
  if (a.c.claim.status === 'cancelled' && a.c.doc === b.c.doc) return null;
  // Pressing on against a veto answers it only from a party to the event: a bystander's plan is no reply.
  if (pressesOn(a.c.claim.status, b.c.claim.status, b.pressing) && !parties.has(b.party.side)) return null;
  return conflictKind(a.c.claim.status, b.c.claim.status, false, b.pressing);
}

/**
 * The conflicts of each event. `scanAll` compares every earlier claim with each, not only those
 * in reach (reach.ts): the same conflicts, found slowly; the reference the reach is tested against.
 */
export function findConflicts(events: readonly Event[], claims: readonly LedgerClaim[], entities: readonly Entity[], textOf: TextOf = () => undefined, scanAll = false): Conflict[] {
  return drain(conflictSteps(events, claims, entities, textOf, scanAll));
}

/** Claims read between two steps of conflictSteps' first pass. */
const CLAIMS_A_STEP = 1024;

/**
 * findConflicts a step at a time: a step every CLAIMS_A_STEP claims read, then an event. Whoever
 * runs it can let other work in between (a store writes the other ledger tables meanwhile:
 * core/steps.ts); the conflicts are the same.
 */
export function* conflictSteps(events: readonly Event[], claims: readonly LedgerClaim[], entities: readonly Entity[], textOf: TextOf = () => undefined, scanAll = false): Generator<void, Conflict[]> {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const partyOf = partyResolver(entities);
  const byEvent = new Map<string, Placed[]>();
  let read = 0;
  for (const c of claims) {
    if (++read % CLAIMS_A_STEP === 0) yield;
    if (c.copyOf || c.claim.modality === 'conditional' || c.claim.modality === 'questioned') continue;
    const party = partyOf(c);
    if (!party) continue;
    const text = textOf(c);
    const evidence = text?.slice(c.claim.evidence.start, c.claim.evidence.end);
    if (evidence && (isRecap(evidence) || isNonAnswer(evidence))) continue;
    // One literal, one shape: the loops below read these fields millions of times in a large event.
    const { day, said, dayN, saidN } = timed(c);
    const p: Placed = { c, day, said, dayN, saidN, party, actorSide: c.actor ? byId.get(c.actor)?.side ?? null : null, pressing: !!evidence && eventLexicon().persistenceRe.test(evidence), aside: !!evidence && isAside(text!, c.claim.evidence.start, evidence) };
    const list = byEvent.get(c.event);
    if (list) list.push(p);
    else byEvent.set(c.event, [p]);
  }
  const out: Conflict[] = [];
  const used = new Set<string>();
  for (const ev of events) {
    const t = timeline(byEvent.get(ev.id) ?? [], new Set(ev.participants.map((p) => byId.get(p)?.side ?? p)));
    const { sorted, parties } = t;
    // Per side pair and kind (and, for one side, the status it moved to), the answers kept so far.
    const rounds = new Map<string, Placed[]>();
    const emit = (a: Placed, b: Placed, kind: ConflictKind): void => {
      const same = a.party.side === b.party.side;
      const [x, y] = a.party.side < b.party.side ? [a.party.side, b.party.side] : [b.party.side, a.party.side];
      const key = `${x}|${y}|${kind}${same ? `|${b.c.claim.status}` : ''}`;
      const kept = rounds.get(key) ?? [];
      // A claim made again after the last answer opens another round: answered again, it is the dispute's next turn.
      if (kept.some((k) => sameRound(k, b) && !(!same && k.day !== '' && a.day > k.day))) return;
      kept.push(b);
      rounds.set(key, kept);
      out.push({ id: conflictId(kind, a.c.id, b.c.id, used), kind, claims: [a.c.id, b.c.id], event: ev.id, explanation: explain(a.c, b.c, byId), rule: `${RULE}/${kind}` });
    };
    /** Compare `a` with `b` (the claim at place `j`) on their sides: an answer or a change of course. */
    const pair = (a: Placed, b: Placed, j: number): void => {
      if (a.party.side !== b.party.side) {
        const kind = acrossKind(a, b, parties);
        if (kind) emit(a, b, kind);
        return;
      }
      // Told the same day, a stop and a plan are read plan first (readPlanFirst).
      if (sameDay(a, b) && readPlanFirst(a.c.claim.status, b.c.claim.status)) {
        const kind = sameSideKind(b, a, j, t);
        if (kind) emit(b, a, kind);
        return;
      }
      const kind = sameSideKind(a, b, j, t);
      if (kind) emit(a, b, kind);
    };
    /** `a` (at place `i`) against `b` (at `j`) in the pass over `b`'s own party's claims or the others'. */
    const visit = (i: number, b: Placed, j: number, own: boolean): void => {
      const a = sorted[i]!;
      if ((a.party.entity === b.party.entity) === own && comparable(a, b)) pair(a, b, j);
    };
    const reach: Reach = scanAll ? { before: () => EVERY_EARLIER } : reachOf(sorted, t.places);
    for (let j = 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      const { from, extra } = reach.before(j);
      // Its own party's claims first (a retreat is from one's own word), then latest first:
      // the pair kept is the closest answer or change. Claims out of reach make no pair (reach.ts).
      for (const own of [true, false]) {
        for (let i = j - 1; i >= from; i--) visit(i, b, j, own);
        for (const i of extra) visit(i, b, j, own);
      }
    }
    yield;
  }
  return out;
}

/**
 * A conflict is named by its kind and its two claims (whose ids never change), not by its
 * place in the list: a conflict found again after later articles keeps its id and permalink.
 */
function conflictId(kind: ConflictKind, a: string, b: string, used: Set<string>): string {
  const base = `k-${shortHash(`${kind}|${a}|${b}`)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
