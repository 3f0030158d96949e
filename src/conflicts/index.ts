/**
 * Conflicts: per event only, pairs of claims that cannot both stand (table.ts), with a kind,
 * listed as a careful reader would list them (docs/conflicts.md):
 *   - a claim belongs to its party (party.ts): its source, or the party whose act the article
 *     narrates; a source with no side makes no conflict;
 *   - claims are ordered by the date of their status change (order.ts);
 *   - one side against itself: each claim is compared with every earlier status of that side,
 *     not only the latest (an offer, then "called off", is a reversal even with "on hold" between);
 *   - one side against another: a later claim that answers an earlier one;
 *   - one conflict per event, side pair and kind in each round of the dispute (answers within
 *     a fortnight of each other): the first pair found stands for the rest of its round, which
 *     the episodes of episodes.ts gather for the report, the API and the UI.
 * Copies of a wire story (copyOf), conditional claims and recaps (recap.ts) are left out: a
 * copy repeats, "unless" asserts nothing firm, and a recap is the earlier claim told again. Two statuses in one statement are not a change of course.
 */
import type { Conflict, Entity, Event, LedgerClaim } from '../core/types.js';
import { conflictKind } from './table.js';
import { explain } from './explain.js';
import { partyResolver, type Party } from './party.js';
import { changeDay, daysBetween } from './order.js';
import { isRecap } from './recap.js';

const RULE = 'conflicts/ledger-table';
/** How long (days) after a claim another claim still answers it, and a round of one dispute lasts. */
const ANSWER_DAYS = 14;

const said = (p: Placed): string => (p.c.claim.date?.start ?? p.c.claim.date?.end ?? '').slice(0, 10);

/** Two claims can be ordered when both are placed in time, or both sit in one document. */
const placedTogether = (a: Placed, b: Placed): boolean => (a.day !== '' && b.day !== '') || a.c.doc === b.c.doc;

/** `b`, said after `a` in the same document or within ANSWER_DAYS of it, can answer it. */
function answers(a: Placed, b: Placed): boolean {
  if (a.c.doc === b.c.doc) return true;
  const [x, y] = [said(a), said(b)];
  return x !== '' && y !== '' && x <= y && daysBetween(x, y) <= ANSWER_DAYS;
}

/** One round of a dispute: answers given within ANSWER_DAYS of each other, or in one undated article. */
function sameRound(x: Placed, y: Placed): boolean {
  if (x.day === '' || y.day === '') return x.c.doc === y.c.doc;
  return Math.abs(daysBetween(x.day, y.day)) <= ANSWER_DAYS;
}

/** Strictly earlier in time, or earlier in the same article on the same day. */
function before(m: Placed, a: Placed): boolean {
  if (m.day !== a.day) return m.day < a.day;
  return m.c.doc === a.c.doc && m.c.claim.evidence.start < a.c.claim.evidence.start;
}

interface Placed {
  c: LedgerClaim;
  party: Party;
  day: string;
}

/** The clean text of a claim's document, to read its evidence; absent: nothing is read as a recap. */
export type TextOf = (c: LedgerClaim) => string | undefined;

export function findConflicts(events: readonly Event[], claims: readonly LedgerClaim[], entities: readonly Entity[], textOf: TextOf = () => undefined): Conflict[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const partyOf = partyResolver(entities);
  const byEvent = new Map<string, Placed[]>();
  for (const c of claims) {
    // A conditional claim ("will not happen unless ...") asserts nothing that another can contradict.
    if (c.copyOf || c.claim.modality === 'conditional' || c.claim.modality === 'questioned') continue;
    const party = partyOf(c);
    if (!party) continue;
    const text = textOf(c);
    if (text && isRecap(text.slice(c.claim.evidence.start, c.claim.evidence.end))) continue;
    const p = { c, party, day: changeDay(c) };
    const list = byEvent.get(c.event);
    if (list) list.push(p);
    else byEvent.set(c.event, [p]);
  }
  const out: Conflict[] = [];
  for (const ev of events) {
    const list = byEvent.get(ev.id);
    if (!list || list.length < 2) continue;
    // Date of the status change first; within a day, document then position in it.
    const sorted = [...list].sort((a, b) => a.day.localeCompare(b.day) || a.c.doc.localeCompare(b.c.doc) || a.c.claim.evidence.start - b.c.claim.evidence.start);
    // Per key (side pair and kind), the claims that answered in the rounds kept so far.
    const rounds = new Map<string, Placed[]>();
    const emit = (a: Placed, b: Placed, kind: Conflict['kind']): void => {
      const key = `${[a.party.side, b.party.side].sort().join('|')}|${kind}`;
      const kept = rounds.get(key) ?? [];
      if (kept.some((k) => sameRound(k, b))) return;
      kept.push(b);
      rounds.set(key, kept);
      out.push({ id: `k-${ev.id}-${out.length + 1}`, kind, claims: [a.c.id, b.c.id], event: ev.id, explanation: explain(a.c, b.c, byId), rule: `${RULE}/${kind}` });
    };
    for (let j = 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // Latest first, so that the pair kept is the closest answer or change.
      for (let i = j - 1; i >= 0; i--) {
        const a = sorted[i]!;
        if (!placedTogether(a, b)) continue;
        const same = a.party.side === b.party.side;
        // One statement is said at one time: two statuses in it speak of two things, not a change of mind.
        if (same && a.c.doc === b.c.doc && a.c.claim.statement && a.c.claim.statement === b.c.claim.statement) continue;
        const kind = conflictKind(a.c.claim.status, b.c.claim.status, same);
        if (!kind) continue;
        // An answer, a retreat or a correction comes soon after what it answers; a change of
        // course may come a year later.
        if (kind !== 'reversal' && !answers(a, b)) continue;
        // A step already taken: agreed -> postponed -> "possible some day" retreats from the
        // postponement, not again from the agreement.
        if (same && sorted.slice(0, j).some((m) => m !== a && m.party.side === b.party.side && !before(m, a) && conflictKind(a.c.claim.status, m.c.claim.status, true) && !conflictKind(m.c.claim.status, b.c.claim.status, true))) continue;
        emit(a, b, kind);
      }
    }
  }
  return out;
}
