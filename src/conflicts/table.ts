/**
 * Which two statuses of one event cannot both stand, and what kind of clash that is
 * (LEDGER.md, "Pairs that cannot both stand" and "Conflict kinds"). `earlier` and `later` are
 * by statement date; `sameSide` says whether one side speaks twice.
 *
 *   different sides: a rejecting status (not_agreed, not_held, unlikely) against a claim it
 *   answers is a denial; other incompatible accounts are a contradiction.
 *   same side: held <-> not_held is a correction; forward -> called off, or back, is a
 *   reversal; a firm claim followed by a weaker one is a walk-back.
 *   Not conflicts: postponed then cancelled, cancelled then possible some day, planned then
 *   held, and any status repeated.
 */
import type { ConflictKind, Status } from '../core/types.js';

const FIRM: ReadonlySet<Status> = new Set(['agreed', 'planned']);
const STOPPED: ReadonlySet<Status> = new Set(['postponed', 'cancelled']);
const REJECTING: ReadonlySet<Status> = new Set(['not_agreed', 'not_held', 'unlikely']);

/** Incompatible whoever says them, in either order. */
function incompatible(a: Status, b: Status): boolean {
  const one = (x: Status, y: Status): boolean =>
    (FIRM.has(x) && y === 'not_agreed') ||
    // A bare proposal and a doubt can both stand ("we want it" / "it's unlikely"); a firm claim cannot.
    (FIRM.has(x) && y === 'unlikely') ||
    (x === 'held' && y === 'not_held') ||
    (x === 'cancelled' && y === 'not_agreed');
  return one(a, b) || one(b, a);
}

export function conflictKind(earlier: Status, later: Status, sameSide: boolean): ConflictKind | null {
  if (earlier === later) return null;
  if (sameSide) {
    if ((earlier === 'held' && later === 'not_held') || (earlier === 'not_held' && later === 'held')) return 'correction';
    if (FIRM.has(earlier) && STOPPED.has(later)) return 'reversal';
    if (STOPPED.has(earlier) && FIRM.has(later)) return 'reversal';
    if (earlier === 'agreed' && (later === 'proposed' || later === 'possible' || later === 'unlikely' || later === 'not_agreed')) return 'walk_back';
    if (earlier === 'planned' && (later === 'possible' || later === 'unlikely' || later === 'not_agreed')) return 'walk_back';
    if (earlier === 'cancelled' && later === 'postponed') return 'walk_back';
    return null;
  }
  if (incompatible(earlier, later)) return REJECTING.has(earlier) || REJECTING.has(later) ? 'denial' : 'contradiction';
  if ((FIRM.has(earlier) && STOPPED.has(later)) || (STOPPED.has(earlier) && FIRM.has(later))) return 'contradiction';
  return null;
}
