/**
 * Attribution knowledge, loaded from data/lexicons (reporting-verbs, channels) and compiled once:
 * the cue regex (whole words, lower case as verbs are written mid-sentence), the verb entries by
 * form, and the phrases that may sit between a verb and its content (addressee, channel, time).
 */
import { z } from 'zod';
import { loadLexicon, alternation, compiledLexicon, escapeRegExp } from '../core/lexicon.js';

export const VerbEntry = z.object({
  id: z.string().min(1),
  forms: z.array(z.string().min(1)).min(1),
  object: z.boolean().default(false),
  kind: z.enum(['speech', 'post', 'question', 'denial']).default('speech'),
  /** Speech only before `that`, a quotation or a clause (or with its content before it). */
  clause: z.boolean().default(false),
  /** Its bare object is the person spoken to (`told a broadcaster`), never what was said (`warned of delays`). */
  addresseeOnly: z.boolean().default(false),
  /** Speech only at a clause end or before a quotation or colon (`…,” she continued.`), never with an object (`continued its preparations`). */
  clauseEnd: z.boolean().default(false),
  /** A word right after the verb that makes a phrasal verb of another sense (`called off the talks`, `called it quits`): no speech. */
  particles: z.array(z.string().min(1)).default([]),
  /** Its participle (`…, adding that B`) elaborates the statement before, which keeps its content; another verb (`but added that B`) ends it. */
  elaborates: z.boolean().default(false),
  /** Its bare object is a source (`citing an official`), not what was said. */
  sourceObject: z.boolean().default(false),
});
/**
 * Words before a verb that stop it reporting speech, kept beside the verbs (`cue/…` entries):
 * `words` whole words, `clitics` attached to the word before (`n't`), `adverbs` allowed between
 * (`not yet said`), `coordinators` a second verb joined before it (`did not confirm or deny`).
 */
export const CueWordsEntry = z.object({
  id: z.string().regex(/^cue\//),
  words: z.array(z.string().min(1)).min(1),
  clitics: z.array(z.string().min(1)).default([]),
  adverbs: z.array(z.string().min(1)).default([]),
  coordinators: z.array(z.string().min(1)).default([]),
});
const ReportingEntry = z.union([VerbEntry, CueWordsEntry]);
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
  /** The verb's particles after it (`called off`), by verb id, when it has any. */
  particleRe: Map<string, RegExp>;
  /** Before a verb: it is negated (`did not say`, `has not yet confirmed or denied`). cue/negation. */
  negatedRe: RegExp;
  /** Before a verb: a passive or an infinitive (`was told`, `is widely said`, `to say`). cue/passive. */
  passiveRe: RegExp;
  /** A whole speaker phrase that is an issued document: `the statement`, `the joint statement`, `its email`; group 1 is the noun. */
  documentSpeakerRe: RegExp;
  /** An issued document named anywhere (`said in a joint statement`). */
  documentNounRe: RegExp;
}

export const attributionLexicon = compiledLexicon((): AttributionLexicon => {
  const entries = loadLexicon('reporting-verbs', ReportingEntry);
  const verbs = entries.filter((e): e is VerbEntry => 'forms' in e);
  const cueWords = (id: string): z.infer<typeof CueWordsEntry> => {
    const e = entries.find((x): x is z.infer<typeof CueWordsEntry> => x.id === id && 'words' in x);
    if (!e) throw new Error(`lexicon reporting-verbs: no entry ${id}`);
    return e;
  };
  const particleRe = new Map<string, RegExp>();
  for (const v of verbs) if (v.particles.length) particleRe.set(v.id, new RegExp(`^\\s+(?:${alternation(v.particles)})\\b`, 'u'));
  const neg = cueWords('cue/negation');
  const clitic = (c: string): string => escapeRegExp(c).replace(/['’]/g, "['’]");
  const negator = [`\\b(?:${alternation(neg.words)})`, ...neg.clitics.map(clitic)].join('|');
  const adverbs = neg.adverbs.length ? `(?:(?:${alternation(neg.adverbs)})\\s+)?` : '';
  const coordinated = neg.coordinators.length ? `(?:[\\p{L}]+\\s+(?:${alternation(neg.coordinators)})\\s+)?` : '';
  const negatedRe = new RegExp(`(?:${negator})\\s+${adverbs}${coordinated}$`, 'u');
  const passiveRe = new RegExp(`\\b(?:${alternation(cueWords('cue/passive').words)})\\s+(?:\\w+ly\\s+)?$`, 'u');
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
    particleRe,
    negatedRe,
    passiveRe,
    documentSpeakerRe: new RegExp(`^\\W*(?:the|this|that|its|his|her|their)\\s+(?:(?:joint|written|brief|short|new|latest|earlier|later|same|official|second|first)\\s+){0,2}(${alternation(issued)})\\W*$`, 'iu'),
    documentNounRe: new RegExp(`(?<![\\p{L}])(?:${alternation(issued)})(?![\\p{L}])`, 'iu'),
  };
  return lex;
});
