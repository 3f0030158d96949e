/**
 * Conflicts: per event only, pairs of claims that cannot both stand (table.ts), with a kind.
 * To keep a handful of representative pairs rather than every pair:
 *   - one side against itself: each claim is compared with that side's latest earlier claim
 *     of another status (its timeline, step by step: postponed -> possible is judged on its
 *     own, not against the agreement two steps back), and each step (status to status) is
 *     kept once per side;
 *   - one side against another: each later claim is compared with the latest earlier claim of
 *     the other side it clashes with, and we keep one pair per (other side, answering source,
 *     kind): three officials each denying is three conflicts, ten repetitions is one.
 * Copies of a wire story (copyOf), claims the article makes itself and conditional claims are
 * left out: a copy repeats, an article's own narration is not a party's position, and "unless"
 * asserts nothing firm. Two statuses in one statement are not a change of course.
 */
import type { Conflict, Entity, Event, LedgerClaim } from '../core/types.js';
import { conflictKind } from './table.js';
import { explain } from './explain.js';

const RULE = 'conflicts/ledger-table';

function day(c: LedgerClaim): string {
  return c.claim.date?.start ?? c.claim.date?.end ?? '';
}
const sideOf = (c: LedgerClaim): string => c.side ?? c.source ?? `?${c.claim.sourceText ?? ''}`;

export function findConflicts(events: readonly Event[], claims: readonly LedgerClaim[], entities: readonly Entity[]): Conflict[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const byEvent = new Map<string, LedgerClaim[]>();
  for (const c of claims) {
    // A conditional claim ("will not happen unless ...") asserts nothing that another can contradict.
    if (c.copyOf || (!c.source && !c.claim.sourceText) || c.claim.modality === 'conditional') continue;
    const list = byEvent.get(c.event);
    if (list) list.push(c);
    else byEvent.set(c.event, [c]);
  }
  const out: Conflict[] = [];
  for (const ev of events) {
    const list = byEvent.get(ev.id);
    if (!list || list.length < 2) continue;
    // Statement date first; within a day, document then position in it.
    const sorted = [...list].sort((a, b) => day(a).localeCompare(day(b)) || a.doc.localeCompare(b.doc) || a.claim.evidence.start - b.claim.evidence.start);
    const seen = new Set<string>();
    const emit = (a: LedgerClaim, b: LedgerClaim, kind: Conflict['kind'], key: string): void => {
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ id: `k-${ev.id}-${out.length + 1}`, kind, claims: [a.id, b.id], event: ev.id, explanation: explain(a, b, byId), rule: `${RULE}/${kind}` });
    };
    for (let j = 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      const side = sideOf(b);
      // Same side: the latest earlier claim of another status.
      for (let i = j - 1; i >= 0; i--) {
        const a = sorted[i]!;
        if (sideOf(a) !== side || a.claim.status === b.claim.status) continue;
        // One statement is said at one time: two statuses in it speak of two things, not a change of mind.
        if (a.doc === b.doc && a.claim.statement && a.claim.statement === b.claim.statement) continue;
        const kind = conflictKind(a.claim.status, b.claim.status, true);
        // One pair per change of course of a side: the same step told again is no new conflict.
        if (kind) emit(a, b, kind, `same|${side}|${a.claim.status}|${b.claim.status}`);
        break;
      }
      // Other sides: the latest earlier claim of each other side it clashes with.
      const done = new Set<string>();
      for (let i = j - 1; i >= 0; i--) {
        const a = sorted[i]!;
        const other = sideOf(a);
        if (other === side || done.has(other)) continue;
        const kind = conflictKind(a.claim.status, b.claim.status, false);
        if (!kind) continue;
        done.add(other);
        const answering = b.source ?? b.claim.sourceText ?? '';
        emit(a, b, kind, `cross|${[other, side].sort().join('|')}|${answering}|${kind}`);
      }
    }
  }
  return out;
}
