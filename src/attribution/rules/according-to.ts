/**
 * `According to Ada Vell, the port will close.` / `The port will close, according to two
 * officials familiar with the talks.` -> the source is the speaker; the rest of the sentence
 * is the content.
 */
import type { SentenceRule } from './rule.js';
import { readContent, trimRange, wordCount } from '../context.js';

export const accordingTo: SentenceRule = {
  id: 'attribution/according-to',
  pattern: () => /(?<![\p{L}])[Aa]ccording\s+to\s+/gu,
  apply: (ctx, m, sentence) => {
    const cue = { start: m.index, end: m.index + m[0].trimEnd().length };
    const after = m.index + m[0].length;
    const mention = ctx.mentions.find((x) => x.span.start === after) ?? null;
    // The source phrase runs to the next comma or the sentence end.
    const rest = ctx.text.slice(after, sentence.end);
    const stop = rest.search(/,|\.\s|\.$|;|—/);
    const phraseEnd = after + (stop < 0 ? rest.length : stop);
    if (phraseEnd <= after) return null;
    const speaker = mention && mention.span.end <= phraseEnd ? { start: mention.span.start, end: mention.span.end, mention } : { start: after, end: phraseEnd, mention: null };
    // At the start, or after a word or two ("And also, according to her, …"), the content follows.
    const lead = ctx.text.slice(sentence.start, m.index);
    const atStart = /^[\s"“]*$/.test(lead) || (wordCount(lead) <= 2 && /,\s*$/.test(lead));
    const region = atStart ? trimRange(ctx.text, { start: phraseEnd, end: sentence.end }) : trimRange(ctx.text, { start: sentence.start, end: m.index });
    if (region.end - region.start < 8) return null;
    const { content, kind } = readContent(ctx, region);
    return { kind, content, evidence: { start: sentence.start, end: sentence.end }, cue, speaker, addressee: null, channel: null, rule: accordingTo.id };
  },
};
