/**
 * Refiner: "the meeting", "that bilateral", "such a summit", or a trigger naming fewer parties
 * than it needs, points back to the most recent event of that type (and arity) whose parties
 * include the ones it names. It takes that event's parties, and its place when it names none.
 * A question is no antecedent: its parties are often only pronouns of the asker's. A trigger
 * with a demonstrative ("such a", "that") whose clause names someone who took part in no such event ("he had begun the
 * arrangements for such a meeting") is the last event of that type, within REACH.
 */
import type { Draft, EventContext } from '../context.js';

/** How far back (characters) a definite trigger without named parties looks for its event. */
const REACH = 1500;
/** Characters after a definite trigger within which a named party still belongs to it. */
const NEAR_AFTER = 40;
const DEMONSTRATIVE = /(?<![\p{L}])(?:such(?:\s+an?)?|that|this|those|these)\s+(?:[\p{L}-]+\s+)?$/iu;
const PLURAL_SUBJECT = /(?<![\p{L}])(?:they|the two|the pair|both|both men|both women|the leaders|the two leaders)\s+(?:[\p{Ll}]+\s+){0,2}$/iu;

const DETERMINER_BEFORE = /(?<![\p{L}])(?:a|an|the|this|that|their|his|her|its|our|no|any|such|every|each|another|one|next|first|last|of)\s+(?:[\p{L}-]+\s+)?$/iu;
/** A verb trigger, or a noun form used as a verb ("visited", with no determiner before it). */
function isVerb(ctx: EventContext, d: Draft): boolean {
  if (d.info.pos === 'verb') return true;
  const { text } = ctx.doc;
  return /(?:ed|ing)$/iu.test(text.slice(d.trigger.start, d.trigger.end)) && !DETERMINER_BEFORE.test(text.slice(Math.max(0, d.trigger.start - 30), d.trigger.start));
}

/**
 * One pass back from draft i: the last event of its type and arity with two parties that
 * include its own (or, `anyParties`, within REACH); for "such a meeting" the last one called so.
 */
function antecedent(text: string, drafts: Draft[], i: number, demonstrative: boolean, anyParties: boolean): Draft | undefined {
  const d = drafts[i]!;
  const word = demonstrative ? text.slice(d.trigger.start, d.trigger.end).toLowerCase() : '';
  let first: Draft | undefined;
  for (let j = i - 1; j >= 0; j--) {
    const a = drafts[j]!;
    if (a.question || a.type !== d.type || a.info.arity !== d.info.arity || a.participants.length < 2) continue;
    if (anyParties ? d.trigger.start - a.trigger.end > REACH : !d.participants.every((p) => a.participants.includes(p))) continue;
    if (!demonstrative || text.slice(a.trigger.start, a.trigger.end).toLowerCase() === word) return a;
    first ??= a;
  }
  return first;
}

/** A party of the clause named before the trigger or just after it. */
function namedNear(ctx: EventContext, d: Draft): boolean {
  const end = d.trigger.end + NEAR_AFTER;
  return ctx.candidatesIn(d.clause.start, end).some((c) => c.end <= d.clause.end && d.participants.includes(c.local));
}

export function anaphora(ctx: EventContext, drafts: Draft[]): Draft[] {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.participants.length >= d.info.arity && !(d.definite && d.participants.length < 2)) continue;
    // "failed to reach consensus": a bare noun that takes no parties from its clause points back only with "the".
    if (!d.info.clause && !d.definite) continue;
    // A bare verb with nobody named ("some of whom visited the capital") points back only from a plural subject ("the two met").
    if (d.participants.length === 0 && isVerb(ctx, d) && !PLURAL_SUBJECT.test(ctx.doc.text.slice(Math.max(d.clause.start, d.trigger.start - 30), d.trigger.start))) continue;
    // "talks between Dremmen and Halvik": "between" named only non-parties; nothing to point back with.
    if (/participants-between$/.test(d.rule) && d.participants.length === 0) continue;
    const demonstrative = d.definite && DEMONSTRATIVE.test(ctx.doc.text.slice(Math.max(0, d.trigger.start - 30), d.trigger.start));
    let found = antecedent(ctx.doc.text, drafts, i, demonstrative, false);
    // "such a meeting" whose clause only happens to name someone: the last event of that type.
    // So is "the meeting" whose clause names people only well after it ("while the meeting had gone well, ... sanctions that Venn threatened").
    if (!found && d.definite && /participants-clause$/.test(d.rule) && (demonstrative || !namedNear(ctx, d))) found = antecedent(ctx.doc.text, drafts, i, demonstrative, true);
    if (found) {
      d.participants = [...found.participants];
      d.place ??= found.place;
      d.rule += '+anaphora';
    }
  }
  return drafts;
}
