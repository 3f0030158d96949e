/**
 * Cue sites of one sentence, left to right: each reporting verb with its speaker (before or
 * after it), what stands between it and its content, and its content regions. Each step is a
 * file of its own in this folder:
 *   opening-quote     the quotation the sentence's attribution closes;
 *   cue-filter        whether a verb match reports speech here;
 *   left-speaker      the speaker before the verb (gaps.ts: what may stand between;
 *                     speaker-phrase.ts: speakers with no mention);
 *   same-speaker      a second verb of the previous verb's speaker;
 *   participle-subject the subject of a clause before a participle;
 *   inverted-speaker  the speaker after the verb;
 *   clause-subject    the opening words of the clause or sentence as subject;
 *   after-verb        addressee, audience, time, channel, complementizer;
 *   content           content regions, and the end of the previous site's content.
 */
import type { Sentence } from '../../core/types.js';
import type { AttributionContext, CueSite } from '../context.js';
import { openingQuote } from './opening-quote.js';
import { reportingVerb } from './cue-filter.js';
import { leftSpeaker } from './left-speaker.js';
import { sameSpeaker } from './same-speaker.js';
import { participleSubject } from './participle-subject.js';
import { insidePreviousContent, invertedSpeaker } from './inverted-speaker.js';
import { clauseSubject } from './clause-subject.js';
import { afterVerb } from './after-verb.js';
import { contentRegions, endPreviousContent } from './content.js';

export function cueSites(ctx: AttributionContext, sentence: Sentence, sentenceIndex: number): CueSite[] {
  const out: CueSite[] = [];
  let from = sentence.start;
  const q0 = openingQuote(ctx, sentence);
  if (q0 && q0.open < sentence.start) from = Math.min(q0.close, sentence.end);
  for (const m of ctx.cuesIn(sentence.start, sentence.end)) {
    const cue = { start: m.index, end: m.index + m[0].length };
    const verb = reportingVerb(ctx, m, sentence);
    if (!verb) continue;
    const prevSite = out[out.length - 1];
    let left = sameSpeaker(ctx, m[0], verb, cue, from, prevSite, leftSpeaker(ctx, from, cue.start));
    if (!left && /ing$/.test(m[0])) left = participleSubject(ctx, cue, from, sentence, sentenceIndex);
    const inPrevContent = insidePreviousContent(ctx, prevSite, cue);
    const right = invertedSpeaker(ctx, m[0], cue, verb, sentence, q0, left, inPrevContent);
    if (!left && !right && !inPrevContent) left = clauseSubject(ctx, from, cue, m[0]);
    const useLeft = right ? null : left;
    if (!useLeft && !right) {
      from = cue.end;
      continue;
    }
    const { p, addressee, channel, complementizer } = afterVerb(ctx, right ? right.end : cue.end, verb, sentence, right);
    const phraseStart = useLeft ? useLeft.phraseStart : cue.start;
    const { after, before } = contentRegions(ctx, sentence, q0, from, p, phraseStart);
    endPreviousContent(ctx, prevSite, phraseStart, useLeft, right);
    out.push({
      sentence,
      sentenceIndex,
      cue,
      verb,
      left: useLeft?.ref ?? null,
      leftPhraseStart: phraseStart,
      right,
      after: after.end > after.start ? after : null,
      before: before.end > before.start ? before : null,
      addressee,
      channel,
      complementizer,
    });
    from = cue.end;
  }
  return out;
}
