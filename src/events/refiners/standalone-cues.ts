/**
 * Refiner: a strong cue with no trigger in its clause ("nothing specific was agreed",
 * "no agreement was reached") speaks of the salient event: the last one named before it,
 * within a few sentences. It becomes a mention of that event whose trigger is the cue.
 * A cue against the forward track (not agreed, postponed, unlikely) answers a claim: it
 * prefers, further back, the last event said to be agreed, planned or proposed. A verb that
 * stops something, with its own object ("delayed the vote"), speaks of that object.
 * Only triggers of the same words count: a narrator's trigger does not take a cue inside
 * someone's reported speech. A cue's own noun that points back ("there was no agreement
 * between Sol and Venn on this") is no event of its own: the cue speaks of the salient event.
 */
import { StartIndex } from '../../core/start-index.js';
import { span } from '../../core/span.js';
import type { Draft, EventContext } from '../context.js';
import { clauseAround } from '../clause.js';
import { isQuestion } from '../rules/triggers.js';
import { isSetting } from './cue-owner.js';
import { completable } from './drop-unanchored.js';
import { AGAINST_COURSE as ANSWERS, FORWARD_COURSE as FORWARD, STOPPED as STOPS } from '../../core/vocabulary.js';

const RULE = 'events/standalone-cue';
/** How far back (characters) the salient event may be; an answered claim, twice as far. */
const REACH = 700;
/** After a cue's own noun: what it is about is the event named before ("no agreement between them on this"). */
const POINTER = /^(?:\s+(?:between|among)\s[^,;.]{0,60}?)?\s+(?:on|about|regarding|over|for)\s+(?:this|that|it|these|those|such\s+an?\s+\p{L}+|the\s+matter|the\s+issue)(?![\p{L}])/iu;
/** A determiner right after a verb that stops something opens its object ("delayed the vote", "suspend or remove certain measures"). */
const OBJECT = /^\s+(?:(?:or|and)\s+\p{L}+\s+)?(?:the|a|an|his|her|its|their|our|any|this|that|these|those|certain|some|all)\s/iu;

const keyOf = (a: Draft): string => `${a.type}|${a.info.arity}|${[...a.participants].sort().join(',')}`;

export function standaloneCues(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { doc } = ctx;
  const added: Draft[] = [];
  const removed = new Set<Draft>();
  let si = 0;
  // Drafts near a cue are looked up in offset windows, not in a scan of the document per cue.
  const byTrigger = new StartIndex(drafts, (d) => d.trigger.start);
  const byClause = new StartIndex(drafts, (d) => d.clause.start);
  const longestClause = drafts.reduce((m, d) => Math.max(m, d.clause.end - d.clause.start), 0);
  for (const cue of ctx.cues) {
    if (!cue.entry.standalone) continue;
    while (si < doc.sentences.length && doc.sentences[si]!.end <= cue.start) si++;
    const sent = doc.sentences[si];
    if (!sent || sent.start > cue.start) continue;
    const statement = ctx.statementAt(cue.start);
    // "there was no agreement between Sol and Venn on this": the cue's own noun points back to the
    // event talked about ("on this"); it is no event of its own.
    // So is one with no parties of its own ("no agreement was made", its parties borrowed from an earlier one).
    const own = byTrigger.within(cue.start, cue.end + 1).filter((d) => d.trigger.end <= cue.end);
    const explicit = own.filter((d) => POINTER.test(doc.text.slice(cue.end, Math.min(d.clause.end, cue.end + 90))));
    const pointer = own.filter((d) => explicit.includes(d) || (cue.entry.status !== 'held' && (d.participants.length === 0 || /\+anaphora$/.test(d.rule))));
    if (byClause.within(cue.start - longestClause, cue.start + 1).some((d) => d.clause.start <= cue.start && cue.end <= d.clause.end && d.statement === statement && !pointer.includes(d))) continue;
    // So does a party's refusal ("rejects these accusations"); "merely discussed the idea" still answers.
    if ((STOPS.has(cue.entry.status) || cue.entry.subjectIsSource) && OBJECT.test(doc.text.slice(cue.end, cue.end + 40))) continue;
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
      // An event its article names without its parties ("the truce") may be answered too: the corpus stage completes it.
      if (a.question || (a.participants.length < Math.max(2, a.info.arity) && !(answers && completable(a))) || a.type === 'sanctions' || isSetting(doc.text, a)) continue;
      if (!antecedent && cue.start - a.trigger.end <= REACH) antecedent = a;
      if (answers && ctx.cuesIn(a.clause.start, a.clause.end + 1).some((c) => c.end <= a.clause.end && FORWARD.has(c.entry.status) && ctx.statementAt(c.start) === a.statement)) {
        answered = a;
        break;
      }
      if (!answers) break;
    }
    // "on this" points to the event just named, not to the claim it may answer further back.
    antecedent = pointer.length > 0 ? antecedent ?? answered : answered ?? antecedent;
    if (!antecedent) continue;
    for (const d of pointer) removed.add(d);
    // "talk of a trilateral, of a meeting between Sol and Venn ... no agreement on this": "this" is each event of that sentence.
    const first = antecedent;
    const siblings = explicit.length === 0 ? [] : drafts.filter((a) => a !== first && !a.question && a.statement === first.statement && a.participants.length >= Math.max(2, a.info.arity)
      && a.type !== 'sanctions' && a.region.start === first.region.start && a.trigger.end <= cue.start && keyOf(a) !== keyOf(first));
    const seenKeys = new Set<string>();
    for (const a of [first, ...siblings]) {
      if (seenKeys.has(keyOf(a))) continue;
      seenKeys.add(keyOf(a));
      added.push({
        ...a,
        trigger: span(cue.start, cue.end, RULE),
        region,
        clause,
        statement,
        definite: true,
        question: isQuestion(doc.text.slice(cue.start, sent.end)),
        rule: `${RULE}+${a.rule}`,
        status: undefined,
      });
    }
  }
  return [...(removed.size ? drafts.filter((d) => !removed.has(d)) : drafts), ...added].sort((a, b) => a.trigger.start - b.trigger.start);
}
