/**
 * Conflicts: per event only, pairs of claims that cannot both stand (table.ts), with a kind,
 * listed as a careful reader would list them (docs/conflicts.md):
 *   - a claim belongs to its party (party.ts): its source, or the party whose act the article
 *     narrates; a source with no side makes no conflict;
 *   - claims are ordered by the date of their status change (order.ts);
 *   - one side against itself: each claim is compared with every earlier status of that side,
 *     not only the latest (an offer, then "called off", is a reversal even with "on hold" between);
 *   - one side against another: a later claim that answers an earlier one;
 *   - one conflict per event, side pair and kind: the first pair found stands for the rest,
 *     which the episodes of episodes.ts gather for the report, the API and the UI.
 * Copies of a wire story (copyOf) and conditional claims are left out: a copy repeats, and
 * "unless" asserts nothing firm. Two statuses in one statement are not a change of course.
 */
import type { Conflict, Entity, Event, LedgerClaim } from '../core/types.js';
import { conflictKind } from './table.js';
import { explain } from './explain.js';
import { partyResolver, type Party } from './party.js';
import { changeDay } from './order.js';

const RULE = 'conflicts/ledger-table';

interface Placed {
  c: LedgerClaim;
  party: Party;
  day: string;
}

export function findConflicts(events: readonly Event[], claims: readonly LedgerClaim[], entities: readonly Entity[]): Conflict[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const partyOf = partyResolver(entities);
  const byEvent = new Map<string, Placed[]>();
  for (const c of claims) {
    // A conditional claim ("will not happen unless ...") asserts nothing that another can contradict.
    if (c.copyOf || c.claim.modality === 'conditional' || c.claim.modality === 'questioned') continue;
    const party = partyOf(c);
    if (!party) continue;
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
    const seen = new Set<string>();
    const emit = (a: Placed, b: Placed, kind: Conflict['kind']): void => {
      const key = `${[a.party.side, b.party.side].sort().join('|')}|${kind}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ id: `k-${ev.id}-${out.length + 1}`, kind, claims: [a.c.id, b.c.id], event: ev.id, explanation: explain(a.c, b.c, byId), rule: `${RULE}/${kind}` });
    };
    for (let j = 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // Latest first, so that the pair kept is the closest answer or change.
      for (let i = j - 1; i >= 0; i--) {
        const a = sorted[i]!;
        const same = a.party.side === b.party.side;
        // One statement is said at one time: two statuses in it speak of two things, not a change of mind.
        if (same && a.c.doc === b.c.doc && a.c.claim.statement && a.c.claim.statement === b.c.claim.statement) continue;
        const kind = conflictKind(a.c.claim.status, b.c.claim.status, same);
        if (kind) emit(a, b, kind);
      }
    }
  }
  return out;
}
