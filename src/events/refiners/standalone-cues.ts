/**
 * Refiner: a strong cue with no trigger in its clause ("nothing specific was agreed",
 * "no agreement was reached") speaks of the salient event: the last one named before it,
 * within a few sentences. It becomes a mention of that event whose trigger is the cue.
 * A cue against the forward track (not agreed, postponed, unlikely) answers a claim: it
 * prefers, further back, the last event said to be agreed, planned or proposed. A verb that
 * stops something, with its own object ("delayed the vote"), speaks of that object.
 * Only triggers of the same words count: a narrator's trigger does not take a cue inside
 * someone's reported speech.
 */
import { span } from '../../core/span.js';
import type { Draft, EventContext } from '../context.js';
import { clauseAround } from '../clause.js';
import { isQuestion } from '../rules/triggers.js';

const RULE = 'events/standalone-cue';
/** How far back (characters) the salient event may be; an answered claim, twice as far. */
const REACH = 700;
const ANSWERS: ReadonlySet<string> = new Set(['not_agreed', 'postponed', 'unlikely', 'cancelled']);
const FORWARD: ReadonlySet<string> = new Set(['agreed', 'planned', 'proposed']);
/** A determiner right after a verb that stops something opens its object ("delayed the vote"). */
const STOPS: ReadonlySet<string> = new Set(['postponed', 'cancelled']);
const OBJECT = /^\s+(?:the|a|an|his|her|its|their|our|any|this|that|these|those)\s/iu;

export function standaloneCues(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { doc } = ctx;
  const added: Draft[] = [];
  let si = 0;
  for (const cue of ctx.cues) {
    if (!cue.entry.standalone) continue;
    while (si < doc.sentences.length && doc.sentences[si]!.end <= cue.start) si++;
    const sent = doc.sentences[si];
    if (!sent || sent.start > cue.start) continue;
    const statement = ctx.statementAt(cue.start);
    if (drafts.some((d) => d.clause.start <= cue.start && cue.end <= d.clause.end && d.statement === statement)) continue;
    if (STOPS.has(cue.entry.status) && OBJECT.test(doc.text.slice(cue.end, cue.end + 12))) continue;
    const region = statement
      ? { start: Math.max(sent.start, statement.content.start), end: Math.min(sent.end, statement.content.end) }
      : { start: sent.start, end: sent.end };
    const clause = clauseAround(doc.text, region, cue);
    let antecedent: Draft | undefined;
    let answered: Draft | undefined;
    const answers = ANSWERS.has(cue.entry.status);
    for (let j = drafts.length - 1; j >= 0; j--) {
      const a = drafts[j]!;
      if (a.trigger.end > cue.start) continue;
      if (cue.start - a.trigger.end > (answers ? 2 * REACH : REACH)) break;
      if (a.question || a.participants.length < Math.max(2, a.info.arity) || a.type === 'sanctions') continue;
      if (!antecedent && cue.start - a.trigger.end <= REACH) antecedent = a;
      if (answers && ctx.cues.some((c) => c.start >= a.clause.start && c.end <= a.clause.end && FORWARD.has(c.entry.status) && ctx.statementAt(c.start) === a.statement)) {
        answered = a;
        break;
      }
      if (!answers) break;
    }
    antecedent = answered ?? antecedent;
    if (!antecedent) continue;
    added.push({
      ...antecedent,
      trigger: span(cue.start, cue.end, RULE),
      region,
      clause,
      statement,
      definite: true,
      question: isQuestion(doc.text.slice(cue.start, sent.end)),
      rule: `${RULE}+${antecedent.rule}`,
      status: undefined,
    });
  }
  return [...drafts, ...added].sort((a, b) => a.trigger.start - b.trigger.start);
}
