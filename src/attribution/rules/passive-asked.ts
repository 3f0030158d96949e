/**
 * `Reede was asked by a moderator whether the plan would cost too much.` / `She was asked if
 * she had ever been turned away.` -> the question is a statement of the asker (named after `by`,
 * else unnamed); it runs to the end of the sentence.
 */
import type { SentenceRule } from './rule.js';
import { readContent, trimRange, wordCount } from '../context.js';

export const passiveAsked: SentenceRule = {
  id: 'attribution/passive-asked',
  pattern: () => /(?<![\p{L}])(?:was|were|is|are|been|being)\s+(?:(?:also|later|then|repeatedly|again|first)\s+)?(asked)(?:\s+by\s+((?:[\p{L}.'’-]+\s+){0,5}?[\p{L}.'’-]+?))?(?:,?\s+(?:on|in|at|during)\s+(?:[\p{L}\p{N}’'-]+\s+){0,4}?[\p{L}\p{N}’'-]+?,?)?,?\s+(?=(?:whether|if|what|who|whom|how|why|when|where|which)\s|["“])/gu,
  apply: (ctx, m, sentence) => {
    const start = m.index + m[0].length;
    if (ctx.quoteAt(m.index)) return null;
    const region = trimRange(ctx.text, { start, end: sentence.end });
    if (wordCount(ctx.text.slice(region.start, region.end)) < 3) return null;
    const { content, kind } = readContent(ctx, region);
    const cueAt = m.index + m[0].indexOf('asked');
    const by = m[2] ? m.index + m[0].indexOf(m[2], m[0].search(/\sby\s/)) : -1;
    const mention = by >= 0 ? ctx.mentions.find((x) => x.span.start >= by && x.span.start <= by + 20 && x.span.end <= by + m[2]!.length + 1) ?? null : null;
    return {
      kind,
      content,
      evidence: { start: sentence.start, end: sentence.end },
      cue: { start: cueAt, end: cueAt + 5 },
      speaker: by >= 0 ? (mention ? { start: mention.span.start, end: mention.span.end, mention } : { start: by, end: by + m[2]!.length, mention: null }) : null,
      addressee: null,
      channel: null,
      rule: passiveAsked.id,
    };
  },
};
