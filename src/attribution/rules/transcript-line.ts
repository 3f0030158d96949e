/** A transcript line, `HOST: Why now?` / `VELL: Because the pier is safe.` -> the line after the colon. */
import type { SentenceRule } from './rule.js';
import { trimRange } from '../context.js';

export const transcriptLine: SentenceRule = {
  id: 'attribution/transcript-line',
  pattern: () => /^[ \t"“]*((?:\p{Lu}[\p{Lu}.'’-]+)(?:[ \t]+\p{Lu}[\p{Lu}.'’-]+){0,2}):[ \t]+(?=\S)/gmu,
  apply: (ctx, m, sentence) => {
    const nameAt = m.index + m[0].indexOf(m[1]!);
    // Only at the start of its paragraph.
    if (m.index > 0 && ctx.text[m.index - 1] !== '\n') return null;
    const lineEnd = ctx.text.indexOf('\n', m.index);
    const content = trimRange(ctx.text, { start: m.index + m[0].length, end: lineEnd < 0 ? ctx.text.length : lineEnd });
    if (content.end - content.start < 4) return null;
    const colon = nameAt + m[1]!.length;
    // `BRILL: The council met …` is a dateline, not a speaker.
    const mention = ctx.mentions.find((x) => x.span.start === nameAt) ?? null;
    if (mention?.type === 'place') return null;
    return {
      kind: 'indirect',
      content,
      evidence: { start: sentence.start, end: content.end },
      cue: { start: colon, end: colon + 1 },
      speaker: { start: nameAt, end: colon, mention },
      addressee: null,
      channel: 'interview',
      rule: transcriptLine.id,
    };
  },
};
