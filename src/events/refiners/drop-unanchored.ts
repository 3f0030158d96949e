/**
 * Refiner: an event mention needs two parties to be an event of the ledger (a meeting with
 * nobody named cannot be placed), and a claim needs a status cue and must not be a question.
 * Unanchored drafts have served as antecedents; here they leave.
 */
import type { Draft, EventContext } from '../context.js';

export function dropUnanchored(_ctx: EventContext, drafts: Draft[]): Draft[] {
  // A trilateral that names only two parties cannot be placed either.
  return drafts.filter((d) => d.participants.length >= Math.max(2, d.info.arity));
}
