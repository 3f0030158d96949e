/**
 * Refiner: "I will meet her", "we spoke with them": in reported speech a first-person
 * subject is the speaker, who then takes part. Only when the event still lacks parties, and
 * not for "that bilateral", "the meeting": a definite trigger points back to its event.
 */
import type { Draft, EventContext } from '../context.js';

const FIRST_PERSON = /(?<![\p{L}])(?:I|we|We)(?![\p{L}])/u;

export function speakerParticipant(ctx: EventContext, drafts: Draft[]): Draft[] {
  for (const d of drafts) {
    const speaker = d.statement?.speaker.local;
    if (!speaker || d.definite || d.participants.length >= d.info.arity || d.participants.includes(speaker)) continue;
    const before = ctx.doc.text.slice(d.clause.start, d.trigger.start);
    if (FIRST_PERSON.test(before)) {
      d.participants = [speaker, ...d.participants];
      d.rule += '+speaker';
    }
  }
  return drafts;
}
