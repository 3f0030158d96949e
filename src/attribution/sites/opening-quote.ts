/**
 * The quotation a sentence's attribution closes: one open at the sentence start, or one ending in
 * `?` or `!` just before a sentence that is the attribution alone (`"… Why not ask her?" Ruiz
 * said.`): the segmenter ends a sentence there, before its speaker's.
 */
import type { Sentence } from '../../core/types.js';
import type { Quote } from '../../text/quotes.js';
import { wordCount, type AttributionContext } from '../context.js';

export function openingQuote(ctx: AttributionContext, sentence: Sentence): Quote | null {
  const text = ctx.text;
  let q0 = ctx.quoteAt(sentence.start);
  // `"… extremists. Why not ask her?" Ruiz said.`: a quotation ending in ? or ! closes the
  // sentence before its speaker's.
  if (!q0 && sentence.start > 1) {
    const qp = ctx.quoteAt(sentence.start - 1) ?? ctx.quoteAt(sentence.start - 2);
    if (qp && qp.close <= sentence.start && /^\s*$/.test(text.slice(qp.close, sentence.start)) && /[?!]['’]?\s*$/.test(text.slice(qp.start, qp.end)) && !/["“”«»]/.test(text.slice(sentence.start, sentence.end))) {
      // Only when the sentence is the attribution alone (`Ruiz said in a statement.`).
      const cues = ctx.cuesIn(sentence.start, sentence.end);
      const last = cues[cues.length - 1];
      if (last && wordCount(text.slice(last.index + last[0].length, sentence.end)) <= 6) q0 = qp;
    }
  }
  return q0;
}
