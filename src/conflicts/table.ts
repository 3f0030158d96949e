/**
 * Which two statuses of one event cannot both stand, and what kind of clash that is
 * (LEDGER.md, "Pairs that cannot both stand" and "Conflict kinds"; docs/conflicts.md). `earlier`
 * and `later` are by the date of the status change; `sameSide` says whether one side speaks twice.
 *
 *   different sides: the later claim answers the earlier. A rejecting status (not_agreed,
 *   not_held, unlikely) against a firm claim, or a firm claim against another side's stop or
 *   rejection ("the merger goes ahead" after "we will veto it"), is a denial. An
 *   optimistic `possible` ("close to a deal") answered by another side's doubt or rejection is a
 *   denial too (docs/conflicts.md: a row this repository adds to LEDGER.md). One side's plan
 *   and another side's stop (planned / called off) both stand: that is news, not a clash.
 *   same side: held <-> not_held is a correction; a course set, then stopped (planned or an
 *   offer -> called off, "no point in meeting"), or stopped, then set again ("we will block it"
 *   -> "a planned partnership") is a reversal; a firm claim followed by a weaker one is a
 *   walk-back ("agreed" -> "working on it"; "called off" -> "on hold"; "no reason to" ->
 *   "we might"; "it took place" -> "I don't know if it did").
 *   Not conflicts: postponed then cancelled, cancelled then possible some day, planned then
 *   held, and any status repeated.
 */
import type { ConflictKind, Status } from '../core/types.js';
// The sets come from the declaration (data/lexicons/ledger.yml); the rows below pair them.
import { AGAINST_COURSE, FACT, FIRM, FORWARD_COURSE, FORWARD_TRACK, REJECTING, STOPPED } from '../core/vocabulary.js';

/** Same side, earlier -> later: the change of course or retreat, if any. */
const SAME_SIDE: ReadonlyArray<[ReadonlySet<Status>, ReadonlySet<Status>, ConflictKind]> = [
  [new Set(['held']), new Set(['not_held']), 'correction'],
  [new Set(['not_held']), new Set(['held']), 'correction'],
  [FIRM, STOPPED, 'reversal'],
  // An offer withdrawn is a change of course as much as a plan called off; an offer on hold is not.
  [new Set(['proposed']), new Set(['cancelled']), 'reversal'],
  [FIRM, new Set(['unlikely']), 'reversal'],
  // "We will block it" is a stated course of its own: then planning it is a reversal.
  [new Set(['postponed', 'cancelled', 'unlikely']), FIRM, 'reversal'],
  [new Set(['agreed']), new Set(['proposed', 'possible', 'not_agreed']), 'walk_back'],
  [new Set(['planned']), new Set(['possible', 'not_agreed']), 'walk_back'],
  [new Set(['cancelled']), new Set(['postponed']), 'walk_back'],
  [new Set(['unlikely']), new Set(['possible']), 'walk_back'],
  [new Set(['held']), new Set(['possible']), 'walk_back'],
];

/** Different sides, earlier -> later: the later answers the earlier (`pressing`: see pressesOn). */
function acrossSides(earlier: Status, later: Status, pressing: boolean): ConflictKind | null {
  if (FIRM.has(earlier) && (later === 'not_agreed' || later === 'unlikely')) return 'denial';
  if (earlier === 'held' && later === 'not_held') return 'denial';
  if (earlier === 'cancelled' && later === 'not_agreed') return 'denial';
  if (earlier === 'possible' && (later === 'not_agreed' || later === 'unlikely')) return 'denial';
  // A firm claim that answers another side's rejection or stop.
  if (pressesOn(earlier, later, pressing)) return earlier === 'not_held' ? null : 'denial';
  if (earlier === 'not_held' && later === 'held') return 'denial';
  // A plan of one side and another side's stop are news, not a clash: both can stand.
  return null;
}

/**
 * A stop, then a plan, told the same day: read as the plan, then the stop. An article telling
 * both ("was to meet ... now calls it off") leads with the news, so its order in the text
 * is no order in time, and back on course the same day is no news.
 */
export function readPlanFirst(first: Status, second: Status): boolean {
  return AGAINST_COURSE.has(first) && FORWARD_COURSE.has(second);
}

/** Agreed, planned or held: a firm claim, which a weaker word retracts only once disputed. */
export const firm = (s: Status): boolean => FIRM.has(s) || (FACT.has(s) && FORWARD_TRACK.has(s));

/** A status that stops the event's course (on hold, called off). */
export const stops = (s: Status): boolean => STOPPED.has(s);

/**
 * The later claim presses on with a course the earlier one set out to stop: only a party to the
 * event can. A firm claim does; so does a proposal told as pressing on (`pressing`: "we will
 * continue discussions", hedges.yml `persistence`).
 */
export function pressesOn(earlier: Status, later: Status, pressing = false): boolean {
  return (REJECTING.has(earlier) || earlier === 'cancelled') && (FIRM.has(later) || (pressing && later === 'proposed'));
}

/** The kind of clash, if any; `pressing`: the later claim is told as pressing on (pressesOn). */
export function conflictKind(earlier: Status, later: Status, sameSide: boolean, pressing = false): ConflictKind | null {
  if (earlier === later) return null;
  if (!sameSide) return acrossSides(earlier, later, pressing);
  return SAME_SIDE.find(([a, b]) => a.has(earlier) && b.has(later))?.[2] ?? null;
}
