/**
 * Refiner: "I will meet her", "we spoke with them": in reported speech a first-person
 * subject is the speaker, who then takes part. So is the speaker of '"The meeting with Sol
 * went well," Venn said' (his own words), where "with" names the other side and no one stands before it, and of
 * "a trilateral with himself, Sol and Reede". Only when the event still lacks parties, and
 * not for a bare "that bilateral", "the meeting": a definite trigger points back to its event.
 */
import type { Draft, EventContext } from '../context.js';

const FIRST_PERSON = /(?<![\p{L}])(?:I|we|We)(?![\p{L}])/gu;
const REFLEXIVE = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:with|including)\s+(?:himself|herself|myself|ourselves)(?![\p{L}])/iu;

/** "I don't know that they'll meet": another subject after the first person is the trigger's own. */
const OTHER_SUBJECT = /(?<![\p{L}])(?:they|he|she|it|you|there)(?![\p{L}])/iu;

function firstPersonSubject(ctx: EventContext, d: Draft, before: string): boolean {
  const all = [...before.matchAll(FIRST_PERSON)];
  const last = all[all.length - 1];
  if (!last) return false;
  const rest = before.slice(last.index + last[0].length);
  const at = d.clause.start + last.index + last[0].length;
  return !OTHER_SUBJECT.test(rest) && !ctx.candidatesIn(at, d.trigger.start + 1).some((c) => c.end <= d.trigger.start && c.kind === 'name');
}

export function speakerParticipant(ctx: EventContext, drafts: Draft[]): Draft[] {
  for (const d of drafts) {
    const speaker = d.statement?.speaker.local;
    if (!speaker || d.participants.length >= d.info.arity || d.participants.includes(speaker)) continue;
    if (d.definite && !/participants-with$/.test(d.rule)) continue;
    const before = ctx.doc.text.slice(d.clause.start, d.trigger.start);
    // "the meeting with Sol went well," Venn said: a "with" that names only the other side, and
    // no agent before it, leaves the speaker as the one who met. So does "with himself, Sol and Reede".
    const withOnly = d.statement?.kind === 'direct' && /participants-with$/.test(d.rule) && d.participants.length === d.info.arity - 1;
    if (withOnly || firstPersonSubject(ctx, d, before) || (/participants-with$/.test(d.rule) && REFLEXIVE.test(ctx.doc.text.slice(d.trigger.end, d.clause.end)))) {
      d.participants = [speaker, ...d.participants];
      d.rule += '+speaker';
    }
  }
  return drafts;
}
