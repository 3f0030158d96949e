/** `"The port stays open," said Ada Vell.` / `"Is it over?" asked a reporter.` -> content before the verb. */
import type { SiteRule } from './rule.js';
import { draftFrom } from './rule.js';
import { readContent } from '../context.js';

export const contentVerbSpeaker: SiteRule = {
  id: 'attribution/content-verb-speaker',
  apply: (ctx, site) => {
    if (!site.right || !site.before) return null;
    const { content, kind } = readContent(ctx, site.before);
    return draftFrom(site, contentVerbSpeaker.id, content, kind);
  },
};
