/**
 * Refiner: "X refused to commit to a meeting" reports X's stance: the claim is X's, not the
 * narrator's nor that of whoever reports it, and X is no party of the meeting unless
 * named with it ("refused to meet with Sol" keeps the agent through "with"). The cue must
 * be one marked `subjectIsSource` and X the party named just before it (a word or two such
 * as "also", "has", "flatly" may stand between). Runs before anaphora, so that the meeting,
 * now without parties, finds them in the event it answers.
 */
import type { Draft, EventContext } from '../context.js';

const GAP = /^[\s,]*(?:(?:also|has|had|have|flatly|again|firmly|reportedly|then|later|now|so far)\s+){0,2}$/iu;

export function stanceSubject(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  for (const d of drafts) {
    const cue = ctx.cuesIn(d.clause.start, d.clause.end + 1).find((c) => c.entry.subjectIsSource && c.end <= d.clause.end);
    if (!cue) continue;
    const subject = ctx.candidatesIn(d.clause.start, cue.start + 1).reverse().find((c) => c.end <= cue.start);
    if (!subject || !GAP.test(text.slice(subject.end, cue.start))) continue;
    d.stanceOf = subject.local;
    if (/participants-clause$/.test(d.rule)) d.participants = d.participants.filter((p) => p !== subject.local);
    d.rule += '+stance-subject';
  }
  return drafts;
}
