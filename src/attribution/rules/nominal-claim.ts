/** `Ada Vell's claim that the port was sold` / `the minister's assurance that …` -> a statement by the possessor. */
import type { SentenceRule } from './rule.js';
import { readContent, trimRange } from '../context.js';

const NOUNS = 'claim|claims|assertion|statement|insistence|denial|remarks|comments|warning|promise|suggestion|argument|contention|allegation|assurance|assurances|pledge|announcement|accusation|admission|boast|prediction|threat';

export const nominalClaim: SentenceRule = {
  id: 'attribution/nominal-claim',
  pattern: () => new RegExp(`['’]s\\s+(?:(?:repeated|earlier|latest|recent|public|new)\\s+)?(${NOUNS})\\s+(?:on\\s+\\w+\\s+)?that\\s+`, 'gu'),
  apply: (ctx, m, sentence) => {
    const owner = [...ctx.mentions].reverse().find((x) => x.span.end === m.index);
    if (!owner) return null;
    const nounAt = m.index + m[0].indexOf(m[1]!);
    const region = trimRange(ctx.text, { start: m.index + m[0].length, end: sentence.end });
    // The clause ends at a comma followed by a new clause, else at the sentence end.
    const cut = ctx.text.slice(region.start, region.end).search(/,\s+(?:but|while|and|which|as|saying)\b|\s+(?:was|is|has been)\s+(?:false|untrue|wrong|denied|disputed)\b/);
    const r = cut > 0 ? { start: region.start, end: region.start + cut } : region;
    if (r.end - r.start < 8) return null;
    const { content, kind } = readContent(ctx, r);
    return {
      kind,
      content,
      evidence: { start: sentence.start, end: sentence.end },
      cue: { start: nounAt, end: nounAt + m[1]!.length },
      speaker: { start: owner.span.start, end: owner.span.end, mention: owner },
      addressee: null,
      channel: null,
      rule: nominalClaim.id,
    };
  },
};
