/**
 * `The result did not surprise pollster Ida Marr: “Outsiders always gain early.”` -> a name (or
 * a description) right before a colon introduces the quotation after it; the speaker needs no
 * verb. A quotation already read by a verb rule keeps that reading (drop-overlaps).
 */
import type { SentenceRule } from './rule.js';
import { trimRange, mentionEndingAt, wordCount } from '../context.js';

export const nameColonQuote: SentenceRule = {
  id: 'attribution/name-colon-quote',
  pattern: () => /:[ \t]*(?=[“"«]|'')/g,
  apply: (ctx, m, sentence) => {
    const q = ctx.quoteAt(m.index + m[0].length);
    if (!q || q.open !== m.index + m[0].length || ctx.quoteAt(m.index)) return null;
    const speaker = mentionEndingAt(ctx, Math.max(sentence.start, m.index - 80), m.index);
    if (!speaker || speaker.kind === 'pronoun' || speaker.type === 'place') return null;
    const content = trimRange(ctx.text, { start: q.start, end: q.end });
    if (wordCount(ctx.text.slice(content.start, content.end)) < 3) return null;
    return {
      kind: 'direct',
      content,
      evidence: { start: sentence.start, end: Math.max(sentence.end, q.close) },
      cue: { start: m.index, end: m.index + 1 },
      speaker: { start: speaker.span.start, end: speaker.span.end, mention: speaker },
      addressee: null,
      channel: null,
      rule: nameColonQuote.id,
    };
  },
};
