/**
 * Refiner: a strong cue with no trigger in its clause ("nothing specific was agreed",
 * "no agreement was reached") speaks of the salient event: the last one named before it,
 * within a few sentences. It becomes a mention of that event whose trigger is the cue.
 */
import { span } from '../../core/span.js';
import type { Draft, EventContext } from '../context.js';
import { clauseAround } from '../clause.js';
import { isQuestion } from '../rules/triggers.js';

const RULE = 'events/standalone-cue';
/** How far back (characters) the salient event may be. */
const REACH = 700;

export function standaloneCues(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { doc } = ctx;
  const added: Draft[] = [];
  let si = 0;
  for (const cue of ctx.cues) {
    if (!cue.entry.standalone) continue;
    while (si < doc.sentences.length && doc.sentences[si]!.end <= cue.start) si++;
    const sent = doc.sentences[si];
    if (!sent || sent.start > cue.start) continue;
    if (drafts.some((d) => d.clause.start <= cue.start && cue.end <= d.clause.end)) continue;
    const statement = ctx.statementAt(cue.start);
    const region = statement
      ? { start: Math.max(sent.start, statement.content.start), end: Math.min(sent.end, statement.content.end) }
      : { start: sent.start, end: sent.end };
    const clause = clauseAround(doc.text, region, cue);
    let antecedent: Draft | undefined;
    for (let j = drafts.length - 1; j >= 0; j--) {
      const a = drafts[j]!;
      if (a.trigger.end > cue.start) continue;
      if (cue.start - a.trigger.end > REACH) break;
      if (a.participants.length >= 2 && a.type !== 'sanctions') {
        antecedent = a;
        break;
      }
    }
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
