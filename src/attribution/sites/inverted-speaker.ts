/**
 * The speaker after its verb (`"…," said Ada Vell.`, `…, said one source in the room.`): only
 * after a comma, a closing quotation or a dash, and never for a participle.
 */
import type { Sentence } from '../../core/types.js';
import type { Quote } from '../../text/quotes.js';
import type { AttributionContext, CueSite, Range, SpeakerRef } from '../context.js';
import type { VerbEntry } from '../lexicon.js';
import { mentionStartingAt, posIn } from '../context.js';

/**
 * Inside the unquoted content of an earlier verb (`X said his band, AKA Y, wrote songs`), a verb
 * after a comma is the content's own verb, not an inverted attribution.
 */
export function insidePreviousContent(ctx: AttributionContext, prevSite: CueSite | undefined, cue: Range): boolean {
  const text = ctx.text;
  return !!prevSite?.after && (prevSite.left ?? prevSite.right) !== null && prevSite.after.start < cue.start && prevSite.after.end > cue.end && !/["“”«»]/.test(text.slice(prevSite.after.start, cue.start));
}

export function invertedSpeaker(ctx: AttributionContext, form: string, cue: Range, verb: VerbEntry, sentence: Sentence, q0: Quote | null, left: { ref: SpeakerRef; phraseStart: number } | null, inPrevContent: boolean): SpeakerRef | null {
  const text = ctx.text;
  let right: SpeakerRef | null = null;
  const sentFrom = q0 && q0.open < sentence.start ? q0.open : sentence.start;
  // (A participle never inverts: `…, citing an official` names a source of the subject's.)
  if (!inPrevContent && !/ing$/.test(form) && (!left || !verb.object && /[,”"’»]\s*$/.test(text.slice(sentFrom, left.phraseStart)))) {
    const before = text.slice(sentFrom, cue.start);
    if (/(?:[,”"’»—]|''|\?|!)\s*$/.test(before)) {
      const rm = mentionStartingAt(ctx, cue.end, Math.min(sentence.end, cue.end + 3));
      // A pronoun after the verb is its speaker only at the end of a clause (`…, said he.`);
      // `— says she made …` is a subject of the content.
      if (rm && !/^(?:it|they)$/i.test(text.slice(rm.span.start, rm.span.end)) && !/^['’]s\b/.test(text.slice(rm.span.end, rm.span.end + 3)) && (rm.kind !== 'pronoun' || /^\s*(?:[.,;!?]|$)/.test(text.slice(rm.span.end, rm.span.end + 3)))) right = { start: rm.span.start, end: rm.span.end, mention: rm };
      else if (!left) {
        // `…,” said harbour widow Ida Marr.`: a few lower-case descriptors before the name.
        const desc = /^\s+(?:[\p{Ll}\p{N}][\p{L}\p{N}'’/-]*\s+){1,4}/u.exec(text.slice(cue.end, Math.min(sentence.end, cue.end + 60)));
        const dm = desc ? mentionStartingAt(ctx, cue.end + desc[0].length, cue.end + desc[0].length) : null;
        const np = /^\s+((?:the|a|an|one|another)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?[\p{L}\p{N}'’-]+)(?=\s*(?:[.,;!?]|$))/u.exec(text.slice(cue.end, sentence.end));
        if (dm && dm.kind === 'name' && /^\s*(?:[.,;!?(]|$)/.test(text.slice(dm.span.end, dm.span.end + 3)) && !posIn(ctx, cue.end, dm.span.start, ['VERB', 'AUX', 'ADP', 'PRON'])) right = { start: dm.span.start, end: dm.span.end, mention: dm };
        else if (np && !posIn(ctx, cue.end + 1, cue.end + np[0].length, ['VERB', 'AUX'])) {
          const s = cue.end + np[0].indexOf(np[1]!);
          right = { start: s, end: s + np[1]!.length, mention: null };
        }
      }
    }
  }
  // Inversion wins when the verb follows a comma or a closing quote and a speaker follows
  // it to the end of the clause ("…, said one source in the room.").
  // An addressee verb after an appositive (`Tomas Reede, the envoy, told the Herald that …`) is not inverted.
  if (!right && left && !inPrevContent && !verb.object && !/ing$/.test(form) && /(?:[,”"’»]|'')\s*$/.test(text.slice(sentFrom, cue.start))) {
    const rm = mentionStartingAt(ctx, cue.end, Math.min(sentence.end, cue.end + 3));
    if (rm && rm.kind !== 'pronoun' && !/^['’]s\b/.test(text.slice(rm.span.end, rm.span.end + 3)) && !hasVerbBetween(ctx, rm.span.end, sentence.end)) right = { start: rm.span.start, end: rm.span.end, mention: rm };
  }
  return right;
}

function hasVerbBetween(ctx: AttributionContext, a: number, b: number): boolean {
  return posIn(ctx, a, b, ['VERB', 'AUX']);
}
