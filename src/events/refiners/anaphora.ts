/**
 * Refiner: "the meeting", "that bilateral", "such a summit", or a trigger naming fewer parties
 * than it needs, points back to the most recent event of that type (and arity) whose parties
 * include the ones it names. It takes that event's parties, and its place when it names none.
 * A question is no antecedent: its parties are often only pronouns of the asker's.
 */
import type { Draft, EventContext } from '../context.js';

const PLURAL_SUBJECT = /(?<![\p{L}])(?:they|the two|the pair|both|both men|both women|the leaders|the two leaders)\s+(?:[\p{Ll}]+\s+){0,2}$/iu;

const DETERMINER_BEFORE = /(?<![\p{L}])(?:a|an|the|this|that|their|his|her|its|our|no|any|such|every|each|another|one|next|first|last|of)\s+(?:[\p{L}-]+\s+)?$/iu;
/** A verb trigger, or a noun form used as a verb ("visited", with no determiner before it). */
function isVerb(ctx: EventContext, d: Draft): boolean {
  if (d.info.pos === 'verb') return true;
  const { text } = ctx.doc;
  return /(?:ed|ing)$/iu.test(text.slice(d.trigger.start, d.trigger.end)) && !DETERMINER_BEFORE.test(text.slice(Math.max(0, d.trigger.start - 30), d.trigger.start));
}

export function anaphora(ctx: EventContext, drafts: Draft[]): Draft[] {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.participants.length >= d.info.arity && !(d.definite && d.participants.length < 2)) continue;
    // A bare verb with nobody named ("some of whom visited the capital") points back only from a plural subject ("the two met").
    if (d.participants.length === 0 && isVerb(ctx, d) && !PLURAL_SUBJECT.test(ctx.doc.text.slice(Math.max(d.clause.start, d.trigger.start - 30), d.trigger.start))) continue;
    for (let j = i - 1; j >= 0; j--) {
      const a = drafts[j]!;
      if (a.question || a.type !== d.type || a.info.arity !== d.info.arity || a.participants.length < 2) continue;
      if (!d.participants.every((p) => a.participants.includes(p))) continue;
      d.participants = [...a.participants];
      d.place ??= a.place;
      d.rule += '+anaphora';
      break;
    }
  }
  return drafts;
}
