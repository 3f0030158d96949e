/**
 * Attribution knowledge, loaded from data/lexicons (reporting-verbs, channels) and compiled once:
 * the cue regex (whole words, lower case as verbs are written mid-sentence), the verb entries by
 * form, and the phrases that may sit between a verb and its content (addressee, channel, time).
 */
import { z } from 'zod';
import { loadLexicon, alternation, compiledLexicon } from '../core/lexicon.js';

export const VerbEntry = z.object({
  id: z.string().min(1),
  forms: z.array(z.string().min(1)).min(1),
  object: z.boolean().default(false),
  kind: z.enum(['speech', 'post', 'question', 'denial']).default('speech'),
  /** Speech only before `that`, a quotation or a clause (or with its content before it). */
  clause: z.boolean().default(false),
  /** Its bare object is the person spoken to (`told a broadcaster`), never what was said (`warned of delays`). */
  addresseeOnly: z.boolean().default(false),
});
export const ChannelEntry = z.object({
  id: z.string().min(1),
  channel: z.string(),
  nouns: z.array(z.string()).default([]),
  platforms: z.array(z.string()).default([]),
  /** A document somebody issues: as a speaker (`the statement said`) it stands for its issuer. */
  issued: z.boolean().default(false),
});
export type VerbEntry = z.infer<typeof VerbEntry>;

export interface AttributionLexicon {
  verb: Map<string, VerbEntry>;
  /** Every verb form, whole words; group 0 is the cue. */
  cueRe: RegExp;
  /** A channel phrase at the start of a string: "in a statement", "on social media", "on Platform". */
  channelRe: RegExp;
  channelOf: Map<string, string>;
  /** A whole speaker phrase that is an issued document: `the statement`, `the joint statement`, `its email`; group 1 is the noun. */
  documentSpeakerRe: RegExp;
}

export const attributionLexicon = compiledLexicon((): AttributionLexicon => {
  const verbs = loadLexicon('reporting-verbs', VerbEntry);
  const channels = loadLexicon('channels', ChannelEntry);
  const verb = new Map<string, VerbEntry>();
  for (const v of verbs) for (const f of v.forms) if (!verb.has(f)) verb.set(f, v);
  // Title-case headlines capitalize verbs too (`Vell Says Port Will Close`); context.ts only
  // takes these forms in a title-case line.
  for (const v of verbs) for (const f of v.forms) {
    const cap = f.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
    if (/ing$/.test(f) || verb.has(cap)) continue;
    verb.set(cap, v);
  }
  const channelOf = new Map<string, string>();
  const nouns: string[] = [];
  const issued: string[] = [];
  const platforms: string[] = [];
  for (const c of channels) {
    for (const n of c.nouns) {
      nouns.push(n);
      if (c.issued) issued.push(n);
      channelOf.set(n.toLowerCase(), c.channel);
    }
    for (const p of c.platforms) {
      platforms.push(p);
      channelOf.set(p.toLowerCase(), c.channel);
    }
  }
  const det = '(?:a|an|the|his|her|its|their|this|that|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[\\p{L}’\']+[\'’]s)';
  const mods = "(?:[\\p{L}-]+[ \\t]+){0,3}?";
  const platformName = "(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\b)\\p{Lu}[\\p{L}]*(?:[ \\t]+\\p{Lu}[\\p{L}]*){0,2}";
  const channelRe = new RegExp(
    `^[ \\t]*,?[ \\t]*(?:(?:in|on|at|during|via|through|to|over|after|before)[ \\t]+(?:${det}[ \\t]+)?${mods}(${alternation(nouns)})(?:[ \\t]+(?:on|with|to|at|in)[ \\t]+(?:the[ \\t]+)?(?:${alternation(platforms)}|${platformName}))?|(?:on|via)[ \\t]+(${alternation(platforms)}|${platformName}))(?![\\p{L}])`,
    'u',
  );
  const lex: AttributionLexicon = {
    verb,
    cueRe: new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternation(verb.keys())})(?![\\p{L}\\p{N}-])`, 'gu'),
    channelRe,
    channelOf,
    documentSpeakerRe: new RegExp(`^\\W*(?:the|this|that|its|his|her|their)\\s+(?:(?:joint|written|brief|short|new|latest|earlier|later|same|official|second|first)\\s+){0,2}(${alternation(issued)})\\W*$`, 'iu'),
  };
  return lex;
});
