/**
 * The content regions of a cue site: after the verb (to the sentence end, or to the end of a
 * quotation running past it) and before the speaker's phrase; and the end of the previous site's
 * content where a second speaker's clause starts (`A said X, and B said Y`).
 */
import type { Sentence } from '../../core/types.js';
import type { Quote } from '../../text/quotes.js';
import type { AttributionContext, CueSite, Range, SpeakerRef } from '../context.js';
import { posIn, trimRange, wordCount } from '../context.js';
import { reportingVerb } from './cue-filter.js';

/** The sentence goes on after a closing quotation mark: a lower-case word, not a relative pronoun. */
const CONTINUES_RE = /^\s+(?!(?:that|which|who|whom|whose)(?![\p{L}]))\p{Ll}/u;

export function contentRegions(ctx: AttributionContext, sentence: Sentence, q0: Quote | null, from: number, p: number, phraseStart: number): { after: Range; before: Range } {
  const text = ctx.text;
  let afterEnd = sentence.end;
  const lastQ = ctx.quoteAt(Math.max(p, afterEnd - 1));
  if (lastQ && lastQ.close > afterEnd && lastQ.open >= p) {
    afterEnd = lastQ.close;
    // `said, “A. B” to the ports that will be built`: a quotation of several sentences that the
    // verb's sentence goes on after ends where that sentence does, when what follows is more of
    // the content: lower case, a verb in it, no relative clause on the quotation (`“…” that rang
    // out`), no quotation or verb of speech of its own. (A bare setting, `“…” during a speech in
    // Brill`, stays out.)
    const closing = ctx.doc.sentences[ctx.sentenceOf(lastQ.close)]!;
    const rest = text.slice(lastQ.close, closing.end);
    if (CONTINUES_RE.test(rest) && !/["“”«»]/.test(rest) && posIn(ctx, lastQ.close, closing.end, ['VERB', 'AUX']) && !ctx.cuesIn(lastQ.close, closing.end).some((m) => reportingVerb(ctx, m, closing))) afterEnd = closing.end;
  }
  const after = trimRange(text, { start: p, end: afterEnd });
  const before = trimRange(text, { start: q0 && q0.open < sentence.start && from === q0.close ? q0.open : sentence.start, end: phraseStart });
  return { after, before };
}

export function endPreviousContent(ctx: AttributionContext, prevSite: CueSite | undefined, phraseStart: number, useLeft: { ref: SpeakerRef; phraseStart: number } | null, right: SpeakerRef | null): void {
  const text = ctx.text;
  // `A said X, and B said Y` / `…, compared with 64 percent who say Y`: a second speaker's
  // clause ends the first one's content at the last separator before it.
  // (Not `… hungry for what she calls “real solutions”`: a free relative stays inside.)
  if (prevSite?.after && prevSite.after.start < phraseStart && prevSite.after.end > phraseStart && (useLeft ? useLeft.ref !== (prevSite.left ?? prevSite.right) : !!right) && !/\b(?:what|which|whom|whose)\s+$/i.test(text.slice(Math.max(prevSite.after.start, phraseStart - 8), phraseStart))) {
    const mid = text.slice(prevSite.after.start, phraseStart);
    let cut = -1;
    for (const k of mid.matchAll(/,|;|\s[—–―]\s|\s(?:and|but|while|whereas)\s/g)) cut = k.index!;
    // Only a short verbless lead-in may sit between the separator and the second speaker
    // (`, and more than 4 in 10 said`, `, compared with 64 percent who say`).
    const tail = cut > 0 ? mid.slice(cut) : '';
    if (cut > 0 && !ctx.quoteAt(prevSite.after.start + cut) && wordCount(tail) <= 7 && !/\b(?:that|which|whom|whose|until|because|if|when|after|before)\b/.test(tail) && (/^,\s*compared\s+(?:with|to)\s/.test(tail) || !posIn(ctx, prevSite.after.start + cut + 1, phraseStart, ['VERB', 'AUX']))) prevSite.after = trimRange(text, { start: prevSite.after.start, end: prevSite.after.start + cut });
  }
}
