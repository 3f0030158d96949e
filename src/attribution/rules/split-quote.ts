/** `"First part," she said, "second part."` -> one direct statement over both parts. */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent } from '../context.js';

export const splitQuote: SiteRule = {
  id: 'attribution/split-quote',
  apply: (ctx, site) => {
    if (!site.before || !site.after) return null;
    const a = readContent(ctx, site.before);
    const b = readContent(ctx, site.after);
    if (a.kind !== 'direct' || b.kind !== 'direct') return null;
    // The second part must open right after the attribution.
    if (!/^[\s,:—–-]*(?:(?:but|and)\s+)?$/.test(ctx.text.slice(Math.max(site.cue.end, site.right?.end ?? 0), site.after.start))) return null;
    return draftFrom(site, splitQuote.id, { start: a.content.start, end: b.content.end }, 'direct');
  },
};
