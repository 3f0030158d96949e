/**
 * Refiner: what leaves the document stage. A question asserts nothing; it has served as an
 * antecedent. A mention that names fewer than two parties ("the deal was blocked", "its bid")
 * stays when it carries a status: the corpus stage completes it from the salient event of its
 * type whose parties include the ones it names (events/cluster.ts), or drops it when there is
 * none. Without a status it has nothing to add and leaves here. A trilateral that names only
 * two parties cannot be placed either.
 */
import type { Draft, EventContext } from '../context.js';

/** Whether a draft names all the parties its event needs. */
export const placed = (d: Draft): boolean => d.participants.length >= Math.max(2, d.info.arity);

/**
 * A mention the corpus stage may complete: it names one party, or points back with "the",
 * "its", "that" ("the takeover was blocked"), or names its place ("talks in Kelmar"). A bare
 * "any deal", "no summit", or a verb with nobody named, speaks of no event in particular.
 */
export const completable = (d: Draft): boolean => d.info.arity <= 2 && !d.question
  && (d.participants.length === 1 || (d.participants.length === 0 && (d.group === true || (d.info.pos === 'noun' && (d.definite || d.place !== null)))));

/**
 * A bare noun inside its own status phrase ("let alone reached an agreement", "there is no
 * deal") speaks of the event its own article is about, and of none other: it may join an event
 * of its document only (EventMention.scope).
 */
export const withinDocument = (d: Draft): boolean => d.info.arity <= 2 && !d.question && d.participants.length === 0 && d.info.pos === 'noun' && d.info.clause && !completable(d)
  && !!d.status && d.status.cue.start <= d.trigger.start && d.trigger.end <= d.status.cue.end;

export function dropUnanchored(_ctx: EventContext, drafts: Draft[]): Draft[] {
  return drafts.filter((d) => placed(d) || completable(d) || withinDocument(d));
}
