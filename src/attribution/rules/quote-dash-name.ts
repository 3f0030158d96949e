/** `“The pier must stay open.” ― Ada Vell` (a quotation signed with a dash) -> a direct statement. */
import type { SentenceRule } from './rule.js';
import { trimRange } from '../context.js';

export const quoteDashName: SentenceRule = {
  id: 'attribution/quote-dash-name',
  pattern: () => /[”"]\s*[―—–-]{1,2}\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*\.?\s*$/gmu,
  apply: (ctx, m, sentence) => {
    const q = ctx.quoteAt(m.index);
    if (!q) return null;
    const content = trimRange(ctx.text, { start: q.start, end: q.end });
    const nameAt = m.index + m[0].indexOf(m[1]!);
    const mention = ctx.mentions.find((x) => x.span.start === nameAt) ?? null;
    const dash = m.index + m[0].search(/[―—–-]/);
    return {
      kind: 'direct',
      content,
      evidence: { start: Math.min(sentence.start, q.open), end: m.index + m[0].length },
      cue: { start: dash, end: dash + 1 },
      speaker: { start: nameAt, end: nameAt + m[1]!.length, mention },
      addressee: null,
      channel: null,
      rule: quoteDashName.id,
    };
  },
};
