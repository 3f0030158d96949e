/**
 * Refiner: "no talks between Norland and Vestria, let alone an agreement". The clause after
 * "let alone" (events/clause.ts cuts there) goes on from the one before it and has its parties:
 * the agreement that was not reached would have been Norland's and Vestria's. A draft of that
 * clause naming fewer than two parties takes those of the last event the sentence named before it.
 */
import type { Draft, EventContext } from '../context.js';
import { LET_ALONE } from '../clause.js';

const OPENS = new RegExp(`^\\s*${LET_ALONE}`, 'iu');

export function letAlone(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.participants.length >= 2 || !OPENS.test(text.slice(d.clause.start, d.trigger.start))) continue;
    const before = drafts.slice(0, i).findLast((p) => p.region.start === d.region.start && p.trigger.end <= d.clause.start && p.participants.length >= 2 && !p.question);
    if (!before) continue;
    d.participants = [...before.participants];
    d.rule += '+let-alone';
  }
  return drafts;
}
