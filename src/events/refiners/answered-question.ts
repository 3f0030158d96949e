/**
 * Refiner: a yes/no question answered yes asserts what it asks. 'Did Sol promise to meet
 * Venn?' followed by the answer 'MARR: She has.' (or 'Yes, he did.') is Marr's claim that Sol
 * agreed: the question's reading (status, parties) with the answer's statement as its source.
 * Only a short affirmative answer right after the question counts; anything longer may say
 * something else.
 */
import type { Draft, EventContext } from '../context.js';

/** A short yes: "Yes.", "He has.", "Yes, she did.", "Absolutely." */
const AFFIRM = /^[\s"“]*(?:(?:yes|yeah|yep|correct|absolutely|indeed|that['’]s right)\b[\s,.!]*)?(?:(?:he|she|they|it|we|i)\s+(?:has|have|did|does|do|is|was|were|will|can|had)\b)?[\s.!"”]*$/iu;
/** How far (characters) after the question the answer may begin. */
const GAP = 80;

export function answeredQuestion(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { doc } = ctx;
  let added: Draft[] | null = null;
  for (const d of drafts) {
    if (!d.question || !d.status || d.participants.length < Math.max(2, d.info.arity)) continue;
    const q = doc.text.indexOf('?', d.trigger.end);
    if (q < 0) continue;
    const answer = doc.statements.find((s) => s.content.start > q && s.content.start - q <= GAP && s !== d.statement);
    if (!answer || answer.content.end - answer.content.start > 40) continue;
    const said = doc.text.slice(answer.content.start, answer.content.end);
    if (!/\S/u.test(said) || !AFFIRM.test(said)) continue;
    (added ??= []).push({ ...d, question: false, statement: answer, rule: `${d.rule}+answered`, status: { ...d.status, evidence: { start: d.status.evidence.start, end: answer.content.end } } });
  }
  return added ? [...drafts, ...added] : drafts;
}
