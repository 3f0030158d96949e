/**
 * What may stand between a reporting verb (or an inverted speaker) and its content, skipped in
 * order: an addressee (`told reporters`), an audience, a time (`on Tuesday`), a channel (`in a
 * statement`), punctuation, and a complementizer (`that`, `whether`), possibly after a
 * prepositional phrase (`said during the debate that`).
 */
import type { Sentence } from '../../core/types.js';
import type { AttributionContext, SpeakerRef } from '../context.js';
import type { VerbEntry } from '../lexicon.js';
import { mentionStartingAt, posIn } from '../context.js';

/** `said on Tuesday`, `said last week`, `said again`: a time or an adverb, skipped. */
const TIME_RE = /^\s*,?\s*(?:on\s+|late\s+|early\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|(?:last|this|earlier\s+this|late\s+last|next)\s+(?:week|month|year|weekend|night|morning|evening|afternoon)|yesterday|today|tonight|earlier|later|recently|again|also|previously|publicly|privately|repeatedly|separately|too|then|now|once\s+again|in\s+(?:a|an)\s+(?:brief|short|lengthy)\s+\w+|(?:in\s+)?(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|in\s+\d{4})(?![\p{L}\p{N}])/u;
/** `said to reporters`, `told the newspaper`, `said to Harbour Weekly`: who heard it (the addressee, when none was found yet). */
const AUDIENCE_RE = /^\s*,?\s*(?:(?:to|with)\s+(?:me|him|her|them|us|you)|(?:to\s+|with\s+)?(?:reporters|journalists|lawmakers|the\s+press|the\s+media|the\s+audience|supporters|the\s+crowd|the\s+newspaper|the\s+paper|the\s+outlet|the\s+agency|the\s+broadcaster|the\s+network|the\s+station|the\s+magazine|an?\s+\w+\s+(?:newspaper|outlet|broadcaster|agency|audience|reporter|interviewer))|to\s+(?:the\s+)?\p{Lu}[\p{L}.’']*(?:\s+\p{Lu}[\p{L}.’']*){0,3}(?=\s*(?:[.,;:]|that\s|$)))(?![\p{L}])/u;
/** `said during Tuesday’s debate that …`: a short prepositional phrase, then `that`. */
const PP_THAT_RE = /^\s*,?\s*(?:during|at|in|on|after|following|before|from|over|via)\s+(?:[^\s,.;:?!"“”«»]+\s+){1,9}?[^\s,.;:?!"“”«»]*,?\s*that(?![\p{L}])\s*/u;
/** `told host Tom Reede she …`, `assured voters that …`: a short noun phrase before a subject pronoun, `that` or a quotation. */
const ADDRESSEE_NP_RE = /^(\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\p{L}\p{N}'’.-]+\s+){0,3}?[\p{L}\p{N}'’.-]+)(?=\s*,?\s+(?:that|he|she|they|we|it|I)\b|\s*[,:]?\s*["“])/u;
/** A comma, colon or dash between the verb and its content (`said: “…”`). */
const LEAD_PUNCT_RE = /^\s*(?:,|:|—|–|-(?=\s))\s*/;
/** The complementizer that opens indirect content (`said that`, `asked whether`). */
const THAT_RE = /^\s*(?:that|whether|how|why)(?![\p{L}])\s*/u;

/** `said of the plan, “…”`, `said about Vell, “…”`: the topic before a quotation, skipped. */
const TOPIC_RE = /^\s+(?:of|about|on)\s+(?:[\p{L}.'’-]+\s+){0,3}?[\p{L}.'’-]+\s*,(?=\s*["“«'])/u;

export interface AfterVerb {
  /** Where the content starts. */
  p: number;
  addressee: SpeakerRef | null;
  channel: string | null;
  complementizer: boolean;
}

export function afterVerb(ctx: AttributionContext, start: number, verb: VerbEntry, sentence: Sentence, right: SpeakerRef | null): AfterVerb {
  const { text, lex } = ctx;
  let p = start;
  let addressee: SpeakerRef | null = null;
  let channel: string | null = verb.kind === 'post' ? 'post' : null;
  let complementizer = false;
  for (let guard = 0; guard < 8; guard++) {
    const rest = text.slice(p, sentence.end);
    let k: RegExpExecArray | null;
    if (verb.object && !addressee && !right) {
      const am = mentionStartingAt(ctx, p, p + 3);
      if (am && am.kind !== 'pronoun' || am && /^(?:him|her|them)$/i.test(text.slice(am.span.start, am.span.end))) {
        addressee = { start: am.span.start, end: am.span.end, mention: am };
        p = am.span.end;
        continue;
      }
      // `told host Tom Reede she …`, `assured voters that …`: a short noun phrase before a
      // subject pronoun, `that` or a quotation.
      const np = ADDRESSEE_NP_RE.exec(rest);
      const det = np ? /^\s+(?:(?:the|a|an|his|her|their|its)\s+)?/.exec(np[1]!)![0].length : 0;
      if (np && !posIn(ctx, p + det, p + np[1]!.length, ['VERB', 'AUX', 'PRON', 'ADP', 'SCONJ', 'CCONJ'])) {
        addressee = { start: p + np[0].length - np[1]!.trimStart().length, end: p + np[0].length, mention: null };
        p += np[0].length;
        continue;
      }
    }
    if ((k = AUDIENCE_RE.exec(rest))) {
      if (!addressee) addressee = { start: p + k[0].search(/\S/), end: p + k[0].length, mention: null };
      p += k[0].length;
      continue;
    }
    if (!right && (k = TOPIC_RE.exec(rest))) {
      p += k[0].length;
      continue;
    }
    if ((k = TIME_RE.exec(rest))) {
      p += k[0].length;
      continue;
    }
    if ((k = lex.channelRe.exec(rest))) {
      const c = (k[1] ?? k[2] ?? '').toLowerCase();
      channel = lex.channelOf.get(c) ?? (k[2] ? 'post' : channel);
      p += k[0].length;
      continue;
    }
    if ((k = LEAD_PUNCT_RE.exec(rest))) {
      if (k[0].length === 0) break;
      p += k[0].length;
      continue;
    }
    // `said during Tuesday’s debate that …`, `said following a vote in May that …`.
    if ((k = PP_THAT_RE.exec(rest)) && !posIn(ctx, p + 1, p + k[0].length - 5, ['AUX', 'PRON'])) {
      p += k[0].length;
      complementizer = true;
      break;
    }
    if ((k = THAT_RE.exec(rest))) {
      p += k[0].length;
      complementizer = true;
      break;
    }
    break;
  }
  return { p, addressee, channel, complementizer };
}
