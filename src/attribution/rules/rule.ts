/** A rule reads one cue site (a reporting verb with what surrounds it) and makes a draft, or null: "not mine". */
import type { AttributionContext, CueSite, Draft } from '../context.js';

export interface SiteRule {
  id: string;
  apply: (ctx: AttributionContext, site: CueSite) => Draft | null;
}

/** A rule that reads a sentence by its own pattern (no reporting verb: "according to"). */
export interface SentenceRule {
  id: string;
  pattern: () => RegExp;
  apply: (ctx: AttributionContext, m: RegExpExecArray, sentence: { start: number; end: number }) => Draft | null;
}

export function draftFrom(site: CueSite, rule: string, content: Draft['content'], kind: Draft['kind']): Draft {
  return {
    kind,
    content,
    evidence: { start: Math.min(site.sentence.start, content.start), end: Math.max(site.sentence.end, content.end) },
    cue: site.cue,
    speaker: site.left ?? site.right,
    addressee: site.addressee,
    channel: site.channel,
    rule,
  };
}
