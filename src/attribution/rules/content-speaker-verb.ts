/** `"The port stays open," Ada Vell said.` / `The port stays open, the minister said.` -> content before the speaker. */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent, trimRange, posIn, wordCount } from '../context.js';
import { ASKED_CLAUSE } from './asked-clause.js';

export const contentSpeakerVerb: SiteRule = {
  id: 'attribution/content-speaker-verb',
  apply: (ctx, site) => {
    if (!site.left || !site.before) return null;
    // `Asked whether …, X said`: the clause before is the question (asked-clause.ts).
    if (ASKED_CLAUSE.test(ctx.text.slice(site.before.start, site.before.end))) return null;
    // The speaker phrase must follow a comma, a dash or a closing quote.
    // A few modifiers the mention did not take may sit between ("…, top Norvish lawmakers said").
    const lead = /(?:[,”"’»—–]|''|[?!])(\s*(?:\p{L}[\p{L}’'-]*\s+){0,3})$/u.exec(ctx.text.slice(site.before.start, site.leftPhraseStart));
    if (!lead) return null;
    // Those words are modifiers, not a verb of a clause of their own.
    for (const w of lead[1]!.matchAll(/[\p{L}’'-]+/gu)) {
      const pos = ctx.posAt.get(site.leftPhraseStart - lead[1]!.length + w.index!);
      if (pos === 'VERB' || pos === 'AUX' || pos === 'PRON' || pos === 'ADP') return null;
    }
    const extraLen = lead[1]!.length;
    const { content, kind } = readContent(ctx, trimRange(ctx.text, { start: site.before.start, end: Math.max(site.before.start, site.leftPhraseStart - extraLen) }));
    // `In July, the council called for …`, `Meanwhile, it attacked …`: a short opener with no
    // verb and no quotation is a setting, not content.
    if (kind === 'indirect' && !posIn(ctx, content.start, content.end, ['VERB', 'AUX']) && wordCount(ctx.text.slice(content.start, content.end)) <= 4) return null;
    const d = draftFrom(site, contentSpeakerVerb.id, content, kind);
    const extra = lead[1]!.trimStart().length;
    if (extra && d.speaker) d.speaker = { ...d.speaker, start: d.speaker.start - extra };
    return d;
  },
};
