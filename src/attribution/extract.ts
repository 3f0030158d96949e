/**
 * Per-document attribution: cue sites per sentence -> site rules; sentence rules; refiners
 * (config.ts) -> Statements. Every span carries the rule that made the statement.
 */
import type { Doc, Statement } from '../core/types.js';
import { span } from '../core/span.js';
import { buildContext, type CueSite, type Draft } from './context.js';
import { cueSites } from './sites/index.js';
import { english, type AttributionConfig } from './config.js';
import { mentionLexicon } from '../text/mentions/lexicon.js';

export function extractStatements(doc: Doc, config: AttributionConfig = english): Statement[] {
  const ctx = buildContext(doc);
  const patterns = config.sentenceRules.map((r) => r.pattern());
  let drafts: Draft[] = [];
  const sites: CueSite[] = [];
  doc.sentences.forEach((sentence, i) => {
    for (const site of cueSites(ctx, sentence, i)) {
      sites.push(site);
      for (const rule of config.siteRules) {
        const d = rule.apply(ctx, site);
        if (d) {
          drafts.push(d);
          break;
        }
      }
    }
    for (let r = 0; r < config.sentenceRules.length; r++) {
      const rule = config.sentenceRules[r]!;
      for (const m of ctx.matchesIn(patterns[r]!, sentence.start, sentence.end)) {
        const d = rule.apply(ctx, m, sentence);
        if (d) drafts.push(d);
      }
    }
  });
  for (const r of config.refiners) drafts = r.refine(ctx, drafts, sites);
  const lex = mentionLexicon();
  return drafts
    .filter((d) => d.content.end > d.content.start)
    .map((d, i): Statement => {
      const m = d.speaker?.mention ?? null;
      // A place that speaks is its government ("Moscow said", "Norland rejected").
      if (m && m.type === 'place') {
        const c = lex.country.get(m.key) ?? lex.country.get((m.name ?? '').toLowerCase()) ?? lex.capital.get((m.name ?? '').toLowerCase());
        if (c) {
          m.kind = 'metonym';
          m.type = 'organization';
          m.affiliation = c.government;
        }
      }
      return {
        id: `s${i + 1}`,
        span: span(d.evidence.start, d.evidence.end, d.rule),
        content: span(d.content.start, d.content.end, d.rule),
        cue: d.cue ? span(d.cue.start, d.cue.end, d.rule) : null,
        kind: d.kind,
        speaker: {
          span: d.speaker ? span(d.speaker.start, d.speaker.end, d.rule) : null,
          text: d.speaker ? doc.text.slice(d.speaker.start, d.speaker.end) : '',
          mention: m?.id ?? null,
          local: null,
        },
        addressee: d.addressee ? { span: span(d.addressee.start, d.addressee.end, d.rule), text: doc.text.slice(d.addressee.start, d.addressee.end), local: null } : null,
        channel: d.channel,
        date: null,
        rule: d.rule,
      };
    });
}
