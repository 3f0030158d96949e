/**
 * `The port, the minister said, will close in May.` / `It was, she said, "a long week."` -> the
 * attribution sits inside the content: the content is both sides (a quotation before the speaker
 * is left to content-speaker-verb: `"…," she said, before leaving`).
 */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent } from '../context.js';
import { ASKED_CLAUSE } from './asked-clause.js';

export const parenthetical: SiteRule = {
  id: 'attribution/parenthetical',
  apply: (ctx, site) => {
    if (!site.before || !site.after || !(site.left || site.right)) return null;
    if (ASKED_CLAUSE.test(ctx.text.slice(site.before.start, site.before.end))) return null;
    const speakerEnd = site.right ? site.right.end : site.cue.end;
    if (!/^\s*,/.test(ctx.text.slice(speakerEnd, site.after.start))) return null;
    if (!/,["”’]?\s*$/.test(ctx.text.slice(site.before.start, site.leftPhraseStart))) return null;
    if (readContent(ctx, site.before).kind === 'direct') return null;
    const { kind } = readContent(ctx, { start: site.before.start, end: site.after.end });
    return draftFrom(site, parenthetical.id, { start: site.before.start, end: site.after.end }, kind === 'direct' ? 'mixed' : kind);
  },
};
