/**
 * Is a match of the reporting-verb regex a report of speech here? Not inside a quotation, not a
 * capitalized word outside a headline, not a noun or adjective reading (`the claims`), not
 * passive (`was told`), not negated (`did not say`), not a phrasal verb of another sense
 * (`called off`), and `continued` only at a clause end.
 */
import type { Sentence } from '../../core/types.js';
import type { AttributionContext, Range } from '../context.js';
import type { VerbEntry } from '../lexicon.js';
import { mentionEndingAt, titleCase } from '../context.js';

/** A determiner right before a participle: `the proposed`, `its announced`, `a long-promised`. */
const ATTRIBUTIVE_BEFORE = /(?<![\p{L}])(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$/iu;

/** The verb entry of a reporting-verb match, or null when it reports no speech here. */
export function reportingVerb(ctx: AttributionContext, m: RegExpExecArray, sentence: Sentence): VerbEntry | null {
  const { text, lex } = ctx;
  const cue = { start: m.index, end: m.index + m[0].length };
  if (ctx.quoteAt(cue.start)) return null;
  const pos = ctx.posAt.get(cue.start);
  const capital = /^\p{Lu}/u.test(m[0]);
  // A capitalized verb (`Vell Says Port Will Close`) only inside a title-case line.
  if (capital && (cue.start === sentence.start || !titleCase(text.slice(sentence.start, sentence.end)))) return null;
  // (`nine out of 10 say`: a count before it makes the tagger's noun a verb.)
  // (`…, promising to cut taxes`: a participle after a comma the tagger read as an adjective.)
  const participle = pos === 'ADJ' && /ing$/.test(m[0]) && /,\s*$/.test(text.slice(Math.max(sentence.start, cue.start - 3), cue.start));
  if (!capital && !participle && !m[0].includes(' ') && (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'NUM') && !(pos === 'NOUN' && /(?:\d|percent|%)\s+$/.test(text.slice(Math.max(sentence.start, cue.start - 10), cue.start))) && !(pos === 'NOUN' && nounVerb(ctx, cue, sentence.start))) return null;
  const pre = text.slice(Math.max(sentence.start, cue.start - 30), cue.start);
  // `blocked the proposed sale`, `its announced plan`: a participle after a determiner modifies its noun.
  if (/ed$/.test(m[0]) && ATTRIBUTIVE_BEFORE.test(pre)) return null;
  if (!/ing$/.test(m[0]) && lex.passiveRe.test(pre)) return null;
  // `did not say`, `could not confirm or deny`: negated speech reports nothing.
  if (lex.negatedRe.test(pre)) return null;
  const verb = lex.verb.get(m[0])!;
  // `called off the talks`: a particle makes a verb of another sense (reporting-verbs.yml `particles`).
  const particle = lex.particleRe.get(verb.id);
  if (particle && particle.test(text.slice(cue.end, cue.end + 12))) return null;
  // `continued` and `went on` report speech only at a clause end or before a quotation (`…,”
  // she continued.`, `He went on: “…”`), not with an object (`continued its preparations`).
  if (verb.clauseEnd && !/^\s*(?:[.,:;!?"“”]|''|$)/.test(text.slice(cue.end, cue.end + 3))) return null;
  return verb;
}

/**
 * `Vell notes that …`, `the ad claims “…”`: a present-tense form the tagger read as a plural noun
 * is a verb right after its subject (a mention, not a possessive) or before `that`, a quotation
 * or a colon after a noun.
 */
function nounVerb(ctx: AttributionContext, cue: Range, sentenceStart: number): boolean {
  const text = ctx.text;
  if (!/s$/.test(text.slice(cue.start, cue.end)) || !/^ +$/.test(text.slice(cue.start - 1, cue.start))) return false;
  const prevEnd = cue.start - 1;
  const subj = mentionEndingAt(ctx, Math.max(sentenceStart, prevEnd - 80), prevEnd);
  // (`Member states met`: a verb right after it makes it a noun after all.)
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(cue.end, cue.end + 30));
  const np = next ? ctx.posAt.get(cue.end + next[0].length - next[1]!.length) : undefined;
  if (np === 'VERB' || np === 'AUX') return false;
  if (subj && !/['’]s$/.test(text.slice(subj.span.start, subj.span.end)) && subj.span.start >= sentenceStart) return true;
  if (!/^(?:\s+(?:that\b|["“])|:)/.test(text.slice(cue.end, cue.end + 6))) return false;
  const prev = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(sentenceStart, cue.start - 30), cue.start));
  const pp = prev ? ctx.posAt.get(cue.start - prev[0].length) : undefined;
  return pp === 'NOUN' || pp === 'PROPN';
}
