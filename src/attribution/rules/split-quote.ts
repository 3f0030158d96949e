/** `"First part," she said, "second part."` -> one direct statement over both parts. */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent } from '../context.js';

export const splitQuote: SiteRule = {
  id: 'attribution/split-quote',
  apply: (ctx, site) => {
    if (!site.before || !site.after) return null;
    const a = readContent(ctx, site.before);
    if (a.kind !== 'direct') return null;
    // `"…," he said, but "…"`, `"…," she said, referring to the report, "…"`: a conjunction or
    // a participle phrase may sit between the attribution and the second part.
    let after = site.after;
    const lead = /^(?:(?:but|and)\s+|\p{Ll}+ing\b[^"“”«»,;]{0,80},\s*)(?=["“«]|'')/u.exec(ctx.text.slice(after.start, after.end));
    if (lead) after = { start: after.start + lead[0].length, end: after.end };
    const b = readContent(ctx, after);
    if (b.kind !== 'direct') return null;
    return draftFrom(site, splitQuote.id, { start: a.content.start, end: b.content.end }, 'direct');
  },
};
