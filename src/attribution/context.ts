/**
 * What every attribution rule reads: the document, its quotations, its mentions, and the cue
 * sites (each reporting verb with the speaker found left or right of it and the text regions
 * before and after it). Rules (rules/) turn cue sites into statement drafts; refiners (refiners/)
 * merge, attach speakers across sentences and filter.
 */
import { posIndex } from '../core/doc.js';
import type { Doc, Mention, Sentence } from '../core/types.js';
import { findQuotes, type Quote } from '../text/quotes.js';
import { attributionLexicon, type AttributionLexicon, type VerbEntry } from './lexicon.js';

export interface Range {
  start: number;
  end: number;
}

export interface SpeakerRef extends Range {
  mention: Mention | null;
}

/** A statement while rules and refiners work on it. */
export interface Draft {
  kind: 'direct' | 'indirect' | 'mixed';
  content: Range;
  evidence: Range;
  cue: Range | null;
  speaker: SpeakerRef | null;
  addressee: SpeakerRef | null;
  channel: string | null;
  rule: string;
}

/** A reporting verb in a sentence and what surrounds it. */
export interface CueSite {
  sentence: Sentence;
  sentenceIndex: number;
  cue: Range;
  verb: VerbEntry;
  /** Speaker before the verb ("Ada Vell said"), with where its phrase starts. */
  left: SpeakerRef | null;
  leftPhraseStart: number;
  /** Speaker after the verb ("…, said Ada Vell"). */
  right: SpeakerRef | null;
  /** Content candidates: after the verb (addressee, channel, time and "that" skipped) and before the speaker. */
  after: Range | null;
  before: Range | null;
  addressee: SpeakerRef | null;
  channel: string | null;
  /** "that", "whether", "how" was skipped before the content after the verb. */
  complementizer: boolean;
}

export interface AttributionContext {
  doc: Doc;
  text: string;
  lex: AttributionLexicon;
  quotes: Quote[];
  mentions: Mention[];
  quoteAt: (offset: number) => Quote | null;
  sentenceOf: (offset: number) => number;
  posAt: Map<number, string>;
  /** Reporting-verb matches (found once over the whole text) that start in [a, b). */
  cuesIn: (a: number, b: number) => RegExpExecArray[];
  /** Matches of a pattern over the whole text, found once and kept per pattern source. */
  matchesIn: (re: RegExp, a: number, b: number) => RegExpExecArray[];
}

export function buildContext(doc: Doc): AttributionContext {
  const quotes = findQuotes(doc.text);
  const mentions = [...doc.mentions].sort((a, b) => a.span.start - b.span.start);
  const posAt = posIndex(doc);
  const starts = doc.sentences.map((s) => s.start);
  const sentenceOf = (o: number): number => {
    let lo = 0, hi = starts.length - 1, ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= o) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  };
  const quoteAt = (o: number): Quote | null => {
    let lo = 0, hi = quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quotes[mid]!;
      if (o < q.open) hi = mid - 1;
      else if (o >= q.close) lo = mid + 1;
      else return q;
    }
    return null;
  };
  const lex = attributionLexicon();
  const all = new Map<string, RegExpExecArray[]>();
  const matchesIn = (re: RegExp, a: number, b: number): RegExpExecArray[] => {
    let list = all.get(re.source);
    if (!list) {
      list = [];
      const g = re.global ? re : new RegExp(re.source, re.flags + 'g');
      g.lastIndex = 0;
      for (let m = g.exec(doc.text); m; m = g.exec(doc.text)) {
        list.push(m);
        if (m[0].length === 0) g.lastIndex++;
      }
      all.set(re.source, list);
    }
    const out: RegExpExecArray[] = [];
    for (let i = lowerBound(list, (m) => m.index, a); i < list.length && list[i]!.index < b; i++) out.push(list[i]!);
    return out;
  };
  return { doc, text: doc.text, lex, quotes, mentions, quoteAt, sentenceOf, posAt, cuesIn: (a, b) => matchesIn(lex.cueRe, a, b), matchesIn };
}

/** Words allowed between a speaker and its verb ("has also", "on Tuesday", "later"). */
const ADV = String.raw`(?:\s*\([^()\n]{1,40}\)|\s+(?:also|has|had|have|later|then|previously|earlier|again|repeatedly|publicly|privately|reportedly|once|further|recently|first|initially|subsequently|separately|similarly|likewise|himself|herself|itself|themselves|is|are|was|were|been|quickly|immediately|flatly|firmly|simply|only|even|already|since|now|just|often|frequently|today|yesterday|last\s+\w+|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|,\s*for\s+(?:his|her|its|their)\s+part,|,\s*in\s+turn,|,\s*however,))*\s*`;
const GAP_RE = new RegExp(`^${ADV}$`, 'u');
const PP_GAP_RE = new RegExp(String.raw`^\s+(?:in|from|at|of|for|with|on|to|inside|within|close\s+to)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+${ADV}$`, 'u');
/** `X in comments to the state news agency said`: a longer prepositional phrase, checked for verbs. */
const LONG_PP_GAP_RE = new RegExp(String.raw`^\s+(?:in|from|at|of|for|with|on|to|inside|within|close\s+to)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){5,7}?[\p{L}.'’-]+${ADV}$`, 'u');
const RELATIVE_RE = new RegExp(String.raw`^\s*,\s*(?:who|which)${ADV}$`, 'u');
/** What may sit between a name and its appositive: `(D-Brill)`, `of Brill`. */
const APPOS_LEAD = String.raw`(?:\s*\([^()\n]{1,40}\))?(?:\s+(?:of|from)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,2}?[\p{L}.'’-]+)?`;
const NAME_APPOS_RE = new RegExp(String.raw`^${APPOS_LEAD}\s*,\s*$`, 'u');
const APPOS_RE = new RegExp(String.raw`^${APPOS_LEAD}\s*,(?:[^;"“”«»]{1,150}?|\s*(?:who|which)\s[^;"“”«»]{1,250}?),${ADV}$`, 'u');
/** `Jana Sims — a teacher from Brill — says`: an appositive between dashes. */
const DASH_APPOS_RE = new RegExp(String.raw`^${APPOS_LEAD}\s*[—–]\s*[^;"“”«»—–]{1,120}?\s*[—–]${ADV}$`, 'u');
/**
 * A share or count of people as the speaker: `47 percent said`, `Six in 10 voters say`, `Nearly
 * half of Brill residents said`, `large majorities in both towns say`, `a third said`.
 */
const QTY = String.raw`(?:(?:about|nearly|almost|roughly|around|only|just|more\s+than|fewer\s+than|less\s+than|at\s+least|over|under|some|fully|a\s+full|the\s+vast|an?\s+(?:overwhelming|clear|slim|narrow|solid|large|small|bare)|another|the\s+other|a\s+further)\s+)*(?:\d[\d,.]*\s*(?:percent|per\s+cent|%)|[\p{L}-]+\s+percent|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of|of\s+every)\s+(?:\d+|ten|five|four|three)|half|(?:a|one|two)[\s-](?:third|quarter|fifth)s?|two-thirds|three-quarters|three-fourths|(?:large\s+|slim\s+|narrow\s+|clear\s+|wide\s+)?majorit(?:y|ies)|(?:a\s+)?plurality|(?:a\s+)?minority|most|many|few|several|dozens|hundreds|thousands|millions|(?:the\s+)?rest|others)`;
const QTY_SPEAKER_RE = new RegExp(String.raw`(?:^|[,;:—–]\s*|\b(?:and|but|while|as|whereas|with|compared\s+(?:with|to)|while\s+only)\s+|["“”]\s*)(${QTY}(?:\s+(?:of|among|in|from)\s+[^,;:"“”()]{1,90}?|\s+(?:[\p{L}'’-]+\s+){0,3}?(?:voters|respondents|residents|people|adults|Americans|Democrats|Republicans|independents|members|supporters|participants|those\s+(?:polled|surveyed|asked)|of\s+them))?)${ADV}$`, 'iu');
const QTY_HINT_RE = /\d|percent|half|third|quarter|fifth|majorit|plurality|minority|most|many|few|several|dozens|hundreds|thousands|millions|rest|others|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out|of)\b/i;
/** `64 percent who say`, `voters who said`: a relative pronoun with no comma before it. */
const WHO_RE = new RegExp(String.raw`(?<![\p{L}])(who|that)${ADV}$`, 'u');
const NEGATED_RE = /(?:\bnot|n['’]t|\bnever)\s+(?:(?:yet|publicly|directly|explicitly|specifically|immediately|even|always)\s+)?(?:[\p{L}]+\s+(?:or|nor|and)\s+)?$/u;
const PASSIVE_RE = /\b(?:was|were|been|being|be|is|are|am|to)\s+(?:\w+ly\s+)?$/;
/** `Some advocates for harbour reform said`, `An earlier report in a Brill paper said`: a noun phrase with one prepositional phrase. */
const NP_PP_RE = /(?:^|[,;:]\s+|\b(?:and|but|while|as|when)\s+|["“”]\s*)((?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Oo]ne|[Tt]wo|[Tt]hree)\s+)(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+\s+(?:for|of|in|from|at|with|on|close\s+to|familiar\s+with)\s+(?:(?:the|a|an|his|her|their|its|\p{Lu}[\p{L}.-]*['’]s)\s+)?(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)(?:\s+(?:also|has|had|have|later|then|again))*\s*$/u;
const NP_FALLBACK_RE = /(?:^|[,;:]\s+|\b(?:and|but|while|as|when)\s+|["“”]\s*)((?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Tt]wo|[Ss]ome|[Mm]any|\p{Lu}[\p{L}.-]*['’]s)\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,4}?[\p{L}\p{N}'’-]+|[Ii]t)(?:\s+(?:also|has|had|later|then|again|is|are|was|were))*\s*$/u;
const PP_WORDS = new Set(['for', 'of', 'in', 'from', 'at', 'with', 'on', 'close', 'to', 'familiar', 'the', 'a', 'an', 'his', 'her', 'their', 'its']);
/** Parts of speech that cannot be in a subject noun phrase. */
const NOT_NP = new Set(['VERB', 'AUX', 'ADP', 'SCONJ', 'CCONJ', 'PRON', 'PART', 'ADV', 'NUM', 'PUNCT']);
const TIME_RE = /^\s*,?\s*(?:on\s+|late\s+|early\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|(?:last|this|earlier\s+this|late\s+last|next)\s+(?:week|month|year|weekend|night|morning|evening|afternoon)|yesterday|today|tonight|earlier|later|recently|again|also|previously|publicly|privately|repeatedly|separately|too|then|now|once\s+again|in\s+(?:a|an)\s+(?:brief|short|lengthy)\s+\w+|(?:in\s+)?(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|in\s+\d{4})(?![\p{L}\p{N}])/u;
const AUDIENCE_RE = /^\s*,?\s*(?:(?:to|with)\s+(?:me|him|her|them|us|you)|(?:to\s+|with\s+)?(?:reporters|journalists|lawmakers|the\s+press|the\s+media|the\s+audience|supporters|the\s+crowd|the\s+newspaper|the\s+paper|the\s+outlet|the\s+agency|the\s+broadcaster|the\s+network|the\s+station|the\s+magazine|an?\s+\w+\s+(?:newspaper|outlet|broadcaster|agency|audience|reporter|interviewer))|to\s+(?:the\s+)?\p{Lu}[\p{L}.’']*(?:\s+\p{Lu}[\p{L}.’']*){0,3}(?=\s*(?:[.,;:]|that\s|$)))(?![\p{L}])/u;
const PP_THAT_RE = /^\s*,?\s*(?:during|at|in|on|after|following|before|from|over|via)\s+(?:[^\s,.;:?!"“”«»]+\s+){1,9}?[^\s,.;:?!"“”«»]*,?\s*that(?![\p{L}])\s*/u;
const ADDRESSEE_NP_RE = /^(\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\p{L}\p{N}'’.-]+\s+){0,3}?[\p{L}\p{N}'’.-]+)(?=\s*,?\s+(?:that|he|she|they|we|it|I)\b|\s*[,:]?\s*["“])/u;
const LEAD_PUNCT_RE = /^\s*(?:,|:|—|–|-(?=\s))\s*/;
const THAT_RE = /^\s*(?:that|whether|how|why)(?![\p{L}])\s*/u;

function lowerBound<T>(list: T[], key: (x: T) => number, o: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mentionsBetween(ctx: AttributionContext, a: number, b: number): Mention[] {
  const out: Mention[] = [];
  for (let i = lowerBound(ctx.mentions, (m) => m.span.start, a); i < ctx.mentions.length && ctx.mentions[i]!.span.start < b; i++) {
    const m = ctx.mentions[i]!;
    if (m.span.end <= b) out.push(m);
  }
  return out;
}

/** The mention that ends exactly at `at` and starts at or after `from`, if any. */
export function mentionEndingAt(ctx: AttributionContext, from: number, at: number): Mention | null {
  return mentionsBetween(ctx, from, at).find((m) => m.span.end === at) ?? null;
}

/** Does a token of these parts of speech start in [a, b)? */
export function posIn(ctx: AttributionContext, a: number, b: number, tags: readonly string[]): boolean {
  const toks = ctx.doc.tokens;
  for (let i = lowerBound(toks, (t) => t.start, a); i < toks.length && toks[i]!.start < b; i++) if (tags.includes(toks[i]!.pos)) return true;
  return false;
}

/** The speaker ending just before `at`, within [from, at). */
export function leftSpeaker(ctx: AttributionContext, from: number, at: number): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const cands = mentionsBetween(ctx, from, at).sort((a, b) => b.span.end - a.span.end).slice(0, 6);
  const apposName = (m: Mention): Mention | undefined =>
    m.kind === 'description' && /,\s*$/.test(text.slice(Math.max(from, m.span.start - 3), m.span.start))
      ? cands.find((o) => o.kind === 'name' && o.span.end < m.span.start && NAME_APPOS_RE.test(text.slice(o.span.end, m.span.start)))
      : undefined;
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    const gap = text.slice(m.span.end, at);
    if (GAP_RE.test(gap) || PP_GAP_RE.test(gap) || LONG_PP_GAP_RE.test(gap) && !posIn(ctx, m.span.end, at, ['VERB', 'AUX', 'PRON'])) {
      if (/\b(?:in|from|at|of|for|with|on|to|by|against|about)\s+$/.test(text.slice(Math.max(from, m.span.start - 12), m.span.start))) continue;
      // `Rep. Ida Marr (D-Brill), the chairman, said`: a description in apposition to a name
      // stands for the name.
      const name = apposName(m);
      if (name) return { ref: { start: name.span.start, end: name.span.end, mention: name }, phraseStart: name.span.start };
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
    }
  }
  let nested: Mention | null = null;
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    const gap = text.slice(m.span.end, at);
    const head = text.slice(from, m.span.start);
    // "Norland's envoy, Ida Marr, said": the name is itself an appositive; the phrase starts
    // where its clause does.
    if (/^\s*,\s*$/.test(gap) && /,\s*$/.test(head)) {
      const name = apposName(m);
      if (name) return { ref: { start: name.span.start, end: name.span.end, mention: name }, phraseStart: name.span.start };
      const inner = head.replace(/,\s*$/, '');
      // A possessive apostrophe (`Carter’s envoy`) does not close a quotation.
      let cut = -1;
      for (const k of inner.matchAll(/[,”"»]|’(?![\p{L}])/gu)) cut = k.index!;
      let ps = from + cut + 1;
      while (ps < m.span.start && /\s/.test(text[ps]!)) ps++;
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: ps };
    }
    const relative = RELATIVE_RE.test(gap);
    if (relative || (APPOS_RE.test(gap) && appositive(ctx, m.span.end, at))) {
      // `Ada Vell, the attorney general of Norland, one of the states …, said`: a mention inside
      // a prepositional phrase or itself an appositive of an earlier one is not the speaker.
      const pre = text.slice(Math.max(from, m.span.start - 12), m.span.start);
      if (!relative && (/\b(?:in|from|at|of|for|with|on|to|by|against|about|suing|representing)\s+$/.test(pre) || /,\s*$/.test(pre) && cands.some((o) => o.span.end < m.span.start && /^\s*,\s*$/.test(text.slice(o.span.end, m.span.start)) && APPOS_RE.test(text.slice(o.span.end, at)) && appositive(ctx, o.span.end, at)))) {
        // (Still the speaker when no earlier mention qualifies.)
        nested ??= m;
        continue;
      }
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
    }
  }
  if (nested) return { ref: { start: nested.span.start, end: nested.span.end, mention: nested }, phraseStart: nested.span.start };
  // "The ministry reversed itself and said …", "… in which he praised X and wrote …": the subject
  // of a coordinated verb, when it opens its clause.
  if (/\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/.test(text.slice(from, at))) {
    for (const m of [...cands].reverse()) {
      if (ctx.quoteAt(m.span.start)) continue;
      const gap = text.slice(m.span.end, at);
      // (`Vell, the envoy, thanked the council for its help, but said …`: appositives and a
      // comma before the conjunction.)
      if (!/^(?:\s*,[^,;"“”]{1,80},)?\s+[^;"“”]{1,200}?,?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/.test(gap)) continue;
      const head = text.slice(Math.max(from, m.span.start - 16), m.span.start);
      if (m.span.start <= from + 1 || /(?:^|[,;]\s*|\b(?:which|who|that|whom)\s+|^\s*[Tt]he\s+)$/.test(head) || /^\W*$/.test(text.slice(from, m.span.start))) {
        return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
      }
    }
  }
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    if (DASH_APPOS_RE.test(text.slice(m.span.end, at))) return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
  }
  const head = text.slice(from, at);
  // The fallbacks below read the end of the clause only.
  const tailFrom = Math.max(0, head.length - 160);
  const tail = tailFrom ? head.slice(head.indexOf(' ', tailFrom) + 1) : head;
  const tailAt = from + head.length - tail.length;
  const q = QTY_HINT_RE.test(tail) ? QTY_SPEAKER_RE.exec(tail) : null;
  if (q && q[1]) {
    const s = tailAt + q.index + q[0].indexOf(q[1]);
    const e = s + q[1].trimEnd().length;
    return { ref: { start: s, end: e, mention: null }, phraseStart: s };
  }
  const w = tail.includes('who') ? WHO_RE.exec(tail) : null;
  if (w && w[1] === 'who' && !/,\s*$/.test(tail.slice(0, w.index))) {
    const s = tailAt + w.index;
    return { ref: { start: s, end: s + 3, mention: null }, phraseStart: s };
  }
  const np = NP_FALLBACK_RE.exec(tail) ?? NP_PP_RE.exec(tail);
  if (np && np[1]) {
    const s = tailAt + np.index + np[0].indexOf(np[1]);
    const e = s + np[1].length;
    // Every word but a leading determiner must be a noun, adjective or name (wink's tags).
    const words = [...np[1].matchAll(/[\p{L}'’.-]+/gu)];
    const ok = /^[Ii]t$/.test(np[1]) || words.every((w, i) => {
      const pos = ctx.posAt.get(s + w.index!);
      if (PP_WORDS.has(w[0]) || (pos === 'DET' && i > 0)) return true;
      return i === 0 || !pos || !NOT_NP.has(pos);
    });
    let firstPos = ctx.posAt.get(s);
    // `Cook said …`: a lone capitalised word right before the verb is a surname the tagger read
    // as a verb (two verbs in a row do not open a clause).
    if (firstPos === 'VERB' && words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(np[1]) && /^\s+$/.test(text.slice(e, at)) && !ctx.lex.verb.has(np[1].toLowerCase())) firstPos = 'PROPN';
    if (ok && (words.length > 1 || /^\p{Lu}/u.test(np[1])) && firstPos !== 'VERB' && firstPos !== 'ADP' && firstPos !== 'SCONJ' && firstPos !== 'ADV' && firstPos !== 'PRON' || /^[Ii]t$/.test(np[1])) return { ref: { start: s, end: e, mention: null }, phraseStart: s };
  }
  return null;
}

/** ", a former envoy to Brill," / ", who chairs the board,": a noun phrase or relative clause, not a clause of its own. */
function appositive(ctx: AttributionContext, a: number, b: number): boolean {
  const inner = ctx.text.slice(a, b);
  if (/^\s*,\s*(?:and|but|or|so|then|while)\b/.test(inner)) return false;
  if (/^\s*,\s*(?:who|which|whose)\b/.test(inner)) return true;
  const toks = ctx.doc.tokens;
  const comma = a + inner.indexOf(',');
  let first = '';
  let relative = false;
  for (let i = lowerBound(toks, (t) => t.start, comma + 1); i < toks.length && toks[i]!.start < b; i++) {
    const t = toks[i]!;
    const w = ctx.text.slice(t.start, t.end);
    if (!first && t.pos !== 'PUNCT') {
      first = t.pos;
      // `Vell, offering the first details of what was agreed, said`: a participle phrase.
      if (t.pos === 'VERB' && /(?:ing|ed)$/.test(w)) relative = true;
    }
    if (/^(?:who|which|whom|whose|that|what|where|when|how)$/i.test(w)) relative = true;
    // A participle inside a noun phrase ("a lawyer representing the club") is fine, and so is
    // a verb in a relative clause ("the agency that runs the port") or one the tagger misread in
    // a prepositional phrase ("at a later press briefing").
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/(?:ing|ed)$/.test(w) && !relative && !(first === 'ADP' && t.pos === 'VERB')) return false;
  }
  return true;
}

/** `The billionaire businessman …`: a determiner and up to four nouns or adjectives opening a clause. */
function subjectNP(ctx: AttributionContext, a: number, b: number): SpeakerRef | null {
  if (!/^(?:The|A|An)\s/.test(ctx.text.slice(a, a + 4))) return null;
  const toks = ctx.doc.tokens;
  let end = -1;
  let lastPos = '';
  for (let i = lowerBound(toks, (t) => t.start, a) + 1, n = 0; i < toks.length && toks[i]!.start < b && n < 5; i++, n++) {
    const pos = toks[i]!.pos;
    if (pos !== 'NOUN' && pos !== 'ADJ' && pos !== 'PROPN') break;
    end = toks[i]!.end;
    lastPos = pos;
  }
  if (end < 0 || lastPos === 'ADJ') return null;
  return { start: a, end, mention: null };
}

function hasVerbBetween(ctx: AttributionContext, a: number, b: number): boolean {
  return posIn(ctx, a, b, ['VERB', 'AUX']);
}

function mentionStartingAt(ctx: AttributionContext, at: number, limit: number): Mention | null {
  for (let i = lowerBound(ctx.mentions, (x) => x.span.start, at); i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i]!;
    if (m.span.start > limit + 5) break;
    if (/^\s*(?:[Tt]he\s+)?$/.test(ctx.text.slice(at, m.span.start))) return m;
    break;
  }
  return null;
}

/** Most words of a line capitalized: a headline. */
export function titleCase(line: string): boolean {
  const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 3 || words.length > 25) return false;
  const long = words.filter((w) => w.length > 3);
  return long.length > 1 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * long.length;
}

/** Plain speech verbs whose subject may be any short noun phrase (`those surveyed say`). */
const PLAIN_SAY = /^(?:said|says|say|told|tells|wrote|writes|added|adds|argued|argue|argues|insisted|insist|insists|warned|warn|warns|claimed|claim|claims|noted|notes|believe|believes)$/;
/** Where a clause opens: the subject runs from here to the verb. */
const CLAUSE_OPEN_RE = /(?:^|[,;:(—–]\s*|\b(?:and|but|while|whereas|because|although|though|since|if|as|so)\s+)(?=[^,;:(—–]*$)/g;
const SUBJ_LEAD_RE = /^(?:(?:and|but|then|now|still|yet|so|also|meanwhile|instead)\s+)+/i;

/**
 * `Those surveyed say …`, `People who fought spam say …`, `A mere 9 percent say …`: when no
 * mention ends before a plain speech verb, the words that open its clause are its subject —
 * a short phrase with a noun in it, no quotation, and no auxiliary, particle or preposition
 * right before the verb (`hard to say`, `could not say`).
 */
function clauseSubject(ctx: AttributionContext, from: number, cue: Range, form: string): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const head = text.slice(Math.max(from, cue.start - 120), cue.start);
  if (/["“”«»]/.test(head) || !/\S\s+$/.test(head)) return null;
  const whole = sentenceSubject(ctx, from, cue);
  if (whole) return whole;
  if (!PLAIN_SAY.test(form)) return null;
  let open = 0;
  for (const k of head.matchAll(CLAUSE_OPEN_RE)) open = k.index! + k[0].length;
  if (open === 0 && cue.start - 120 > from) return null;
  let s = cue.start - head.length + open;
  const lead = SUBJ_LEAD_RE.exec(text.slice(s, cue.start));
  if (lead) s += lead[0].length;
  const phrase = text.slice(s, cue.start).trimEnd();
  const words = phrase.match(/[\p{L}\p{N}'’%-]+/gu) ?? [];
  if (words.length === 0 || words.length > 9) return null;
  const toks = ctx.doc.tokens;
  let noun = false;
  let last = '';
  let first = '';
  for (let i = lowerBound(toks, (t) => t.start, s); i < toks.length && toks[i]!.start < cue.start; i++) {
    const pos = toks[i]!.pos;
    if (!first) first = pos;
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'NUM') noun = true;
    if (pos !== 'PUNCT') last = pos;
  }
  if (!noun || last === 'AUX' || last === 'PART' || last === 'ADP' || last === 'SCONJ' || last === 'CCONJ' || last === 'DET' || last === 'ADJ') return null;
  if (first === 'VERB' || first === 'AUX' || first === 'ADP' || first === 'SCONJ' || first === 'PART') return null;
  if (/^(?:it|this|that|there|what|which|who)$/i.test(words[0]!) || words.some((w) => /^(?:which|when|whenever|if|unless)$/i.test(w))) return null;
  // `had their say`: a noun after a determiner; `when someone says`: a hypothetical.
  if (/\b(?:their|his|her|its|our|my|your|the|a|an)\s+$/i.test(text.slice(cue.start - 8, cue.start)) || /\b(?:when|whenever|if|unless|until)\s+$/i.test(text.slice(Math.max(from, s - 10), s))) return null;
  return { ref: { start: s, end: s + phrase.length, mention: null }, phraseStart: s };
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

/**
 * `Political observers in Brill and around the country say …`, `Those close to him say …`,
 * `Many speakers at the service — including farmers and sailors — said …`: a sentence that opens
 * with its subject, with no verb before the reporting verb (dash appositives aside).
 */
function sentenceSubject(ctx: AttributionContext, from: number, cue: Range): { ref: SpeakerRef; phraseStart: number } | null {
  const si = ctx.sentenceOf(cue.start);
  const start = ctx.doc.sentences[si]!.start;
  if (start < from || cue.start - start > 160) return null;
  const phrase = ctx.text.slice(start, cue.start);
  if (/["“”«»:;,]/.test(phrase.replace(/\s[—–]\s[^—–]{1,80}\s[—–]\s*$/, ' '))) return null;
  const words = phrase.match(/[\p{L}\p{N}'’%-]+/gu) ?? [];
  if (words.length < 2 || words.length > 14) return null;
  const toks = ctx.doc.tokens;
  let noun = false;
  let first = '';
  let last = '';
  for (let i = lowerBound(toks, (t) => t.start, start); i < toks.length && toks[i]!.start < cue.start; i++) {
    const t = toks[i]!;
    if (t.pos === 'PUNCT') continue;
    if (!first) first = t.pos;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      // A participle inside the noun phrase (`those surveyed`, `people living near the pier`).
      if (!/(?:ing|ed)$/.test(ctx.text.slice(t.start, t.end))) return null;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') noun = true;
    last = t.pos;
  }
  if (!/^(?:Those|Some|Many|Most|Others|Several|Few|All|Both)$/.test(words[0]!) && (!noun || first === 'ADP' || first === 'SCONJ' || first === 'ADV' || first === 'PRON' || first === 'CCONJ')) return null;
  if (last === 'ADP' || last === 'DET' || last === 'CCONJ' || last === 'PART' || last === 'AUX') return null;
  if (/^(?:it|this|that|there|what|which|who|when|if|as|while)$/i.test(words[0]!)) return null;
  const end = start + phrase.trimEnd().length;
  return { ref: { start, end, mention: null }, phraseStart: start };
}

/** Cue sites of one sentence, left to right. */
export function cueSites(ctx: AttributionContext, sentence: Sentence, sentenceIndex: number): CueSite[] {
  const { text, lex } = ctx;
  const out: CueSite[] = [];
  let from = sentence.start;
  let q0 = ctx.quoteAt(sentence.start);
  // `"… extremists. Why not ask her?" Ruiz said.`: a quotation ending in ? or ! closes the
  // sentence before its speaker's.
  if (!q0 && sentence.start > 1) {
    const qp = ctx.quoteAt(sentence.start - 1) ?? ctx.quoteAt(sentence.start - 2);
    if (qp && qp.close <= sentence.start && /^\s*$/.test(text.slice(qp.close, sentence.start)) && /[?!]['’]?\s*$/.test(text.slice(qp.start, qp.end)) && !/["“”«»]/.test(text.slice(sentence.start, sentence.end))) {
      // Only when the sentence is the attribution alone (`Ruiz said in a statement.`).
      const cues = ctx.cuesIn(sentence.start, sentence.end);
      const last = cues[cues.length - 1];
      if (last && wordCount(text.slice(last.index + last[0].length, sentence.end)) <= 6) q0 = qp;
    }
  }
  if (q0 && q0.open < sentence.start) from = Math.min(q0.close, sentence.end);
  for (const m of ctx.cuesIn(sentence.start, sentence.end)) {
    const cue = { start: m.index, end: m.index + m[0].length };
    if (ctx.quoteAt(cue.start)) continue;
    const pos = ctx.posAt.get(cue.start);
    const capital = /^\p{Lu}/u.test(m[0]);
    // A capitalized verb (`Vell Says Port Will Close`) only inside a title-case line.
    if (capital && (cue.start === sentence.start || !titleCase(text.slice(sentence.start, sentence.end)))) continue;
    // (`nine out of 10 say`: a count before it makes the tagger's noun a verb.)
    // (`…, promising to cut taxes`: a participle after a comma the tagger read as an adjective.)
    const participle = pos === 'ADJ' && /ing$/.test(m[0]) && /,\s*$/.test(text.slice(Math.max(sentence.start, cue.start - 3), cue.start));
    if (!capital && !participle && !m[0].includes(' ') && (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'NUM') && !(pos === 'NOUN' && /(?:\d|percent|%)\s+$/.test(text.slice(Math.max(sentence.start, cue.start - 10), cue.start))) && !(pos === 'NOUN' && nounVerb(ctx, cue, sentence.start))) continue;
    const pre = text.slice(Math.max(sentence.start, cue.start - 30), cue.start);
    if (!/ing$/.test(m[0]) && PASSIVE_RE.test(pre)) continue;
    // `did not say`, `could not confirm or deny`: negated speech reports nothing.
    if (NEGATED_RE.test(pre)) continue;
    const post = text.slice(cue.end, cue.end + 12);
    if (m[0] === 'called' && /^\s+(?:off|on|up|in|back|out|it\s+quits)\b/.test(post)) continue;
    const verb = lex.verb.get(m[0])!;
    // `continued` and `went on` report speech only at a clause end or before a quotation (`…,”
    // she continued.`, `He went on: “…”`), not with an object (`continued its preparations`).
    if (verb.id === 'verb/continue' && !/^\s*(?:[.,:;!?"“”]|''|$)/.test(text.slice(cue.end, cue.end + 3))) continue;
    let left = leftSpeaker(ctx, from, cue.start);
    const prevSite = out[out.length - 1];
    const lead = text.slice(prevSite ? prevSite.cue.end : from, cue.start);
    // A second verb of the same speaker: "X said A but added that B", "…, adding that B".
    if (prevSite && (prevSite.left ?? prevSite.right) && (/(?:,|\b(?:and|but)(?:\s+(?:also|later|then))?)\s*$/.test(lead) && (!left || left.ref.start < prevSite.cue.end || !!prevSite.after && left.ref.start >= prevSite.after.start && /\b(?:and|but)(?:\s+(?:also|later|then))?\s*$/.test(lead))) && (/ing$/.test(m[0]) || /\b(?:and|but)(?:\s+(?:also|later|then))?\s*$/.test(lead))) {
      const joint = cue.start - (lead.length - lead.search(/(?:,|\b(?:and|but))(?:\s+(?:also|later|then))?\s*$/));
      left = { ref: (prevSite.left ?? prevSite.right)!, phraseStart: joint };
      // "…, adding that B" elaborates the first statement, which keeps it; "… but added that B"
      // is a second statement, which ends the first.
      if (prevSite.after && prevSite.after.end > joint && m[0] !== 'adding' && m[0] !== 'noting') prevSite.after = trimRange(text, { start: prevSite.after.start, end: joint });
    }
    // A participle after a clause: "Norland issued a statement saying …" -> the clause's subject.
    if (!left && /ing$/.test(m[0])) {
      const cands = mentionsBetween(ctx, from, cue.start).reverse();
      for (const c of cands) {
        const gap = text.slice(c.span.end, cue.start);
        const head = text.slice(Math.max(from, c.span.start - 6), c.span.start);
        // (The words between must hold the clause's verb: `…, its chief and the board, saying`
        // is a list ending in the mention, not its clause.)
        if (/^\s*$/.test(gap) || /^\s+(?:[\p{L}’'-]+\s+){1,10}?[\p{L}’'-]+\s*,?\s*$/u.test(gap) && posIn(ctx, c.span.end, cue.start, ['VERB', 'AUX']) && (c.span.start <= from + 1 || /(?:^|[,;]\s*|\band\s+)$/.test(head) || ctx.doc.sentences[sentenceIndex]!.start === c.span.start)) {
          left = { ref: { start: c.span.start, end: c.span.end, mention: c }, phraseStart: cue.start };
          break;
        }
      }
      // `The envoy began by talking about the port, saying …`: the subject opening the sentence,
      // across a longer clause with no quotation in it.
      if (!left && /[,–—]\s*$/.test(text.slice(from, cue.start)) && !/["“”«»;]/.test(text.slice(sentence.start, cue.start))) {
        // (After a leading adverbial, `On Monday, however, Vell spoke …, saying …`: the first
        // mention before any verb, followed by one.)
        let first = mentionStartingAt(ctx, sentence.start, sentence.start + 1);
        if (!first) {
          for (const c of mentionsBetween(ctx, sentence.start, cue.start)) {
            if (posIn(ctx, sentence.start, c.span.start, ['VERB', 'AUX'])) break;
            if (/\b(?:in|from|at|of|for|with|on|to|by|about|after|before)\s+(?:the\s+)?$/i.test(text.slice(Math.max(sentence.start, c.span.start - 12), c.span.start))) continue;
            if (/^\s+\S+/.test(text.slice(c.span.end, c.span.end + 2)) && posIn(ctx, c.span.end, c.span.end + 20, ['VERB', 'AUX'])) first = c;
            break;
          }
        }
        const subj = first && first.kind !== 'pronoun' || first && /^(?:he|she|they|we|i)$/i.test(text.slice(first.span.start, first.span.end)) ? { start: first.span.start, end: first.span.end, mention: first } : subjectNP(ctx, sentence.start, cue.start);
        if (subj && posIn(ctx, subj.end, subj.end + 40, ['VERB', 'AUX'])) left = { ref: subj, phraseStart: cue.start };
      }
    }
    let right: SpeakerRef | null = null;
    const sentFrom = q0 && q0.open < sentence.start ? q0.open : sentence.start;
    // Inside the unquoted content of an earlier verb (`X said his band, AKA Y, wrote songs`), a
    // verb after a comma is the content's own verb, not an inverted attribution.
    const inPrevContent = !!prevSite?.after && (prevSite.left ?? prevSite.right) !== null && prevSite.after.start < cue.start && prevSite.after.end > cue.end && !/["“”«»]/.test(text.slice(prevSite.after.start, cue.start));
    // (A participle never inverts: `…, citing an official` names a source of the subject's.)
    if (!inPrevContent && !/ing$/.test(m[0]) && (!left || !verb.object && /[,”"’»]\s*$/.test(text.slice(sentFrom, left.phraseStart)))) {
      const before = text.slice(sentFrom, cue.start);
      if (/(?:[,”"’»—]|''|\?|!)\s*$/.test(before)) {
        const rm = mentionStartingAt(ctx, cue.end, Math.min(sentence.end, cue.end + 3));
        // A pronoun after the verb is its speaker only at the end of a clause (`…, said he.`);
        // `— says she made …` is a subject of the content.
        if (rm && !/^(?:it|they)$/i.test(text.slice(rm.span.start, rm.span.end)) && !/^['’]s\b/.test(text.slice(rm.span.end, rm.span.end + 3)) && (rm.kind !== 'pronoun' || /^\s*(?:[.,;!?]|$)/.test(text.slice(rm.span.end, rm.span.end + 3)))) right = { start: rm.span.start, end: rm.span.end, mention: rm };
        else if (!left) {
          // `…,” said harbour widow Ida Marr.`: a few lower-case descriptors before the name.
          const desc = /^\s+(?:[\p{Ll}\p{N}][\p{L}\p{N}'’/-]*\s+){1,4}/u.exec(text.slice(cue.end, Math.min(sentence.end, cue.end + 60)));
          const dm = desc ? mentionStartingAt(ctx, cue.end + desc[0].length, cue.end + desc[0].length) : null;
          const np = /^\s+((?:the|a|an|one|another)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}?[\p{L}\p{N}'’-]+)(?=\s*(?:[.,;!?]|$))/u.exec(text.slice(cue.end, sentence.end));
          if (dm && dm.kind === 'name' && /^\s*(?:[.,;!?(]|$)/.test(text.slice(dm.span.end, dm.span.end + 3)) && !posIn(ctx, cue.end, dm.span.start, ['VERB', 'AUX', 'ADP', 'PRON'])) right = { start: dm.span.start, end: dm.span.end, mention: dm };
          else if (np && !posIn(ctx, cue.end + 1, cue.end + np[0].length, ['VERB', 'AUX'])) {
            const s = cue.end + np[0].indexOf(np[1]!);
            right = { start: s, end: s + np[1]!.length, mention: null };
          }
        }
      }
    }
    // Inversion wins when the verb follows a comma or a closing quote and a speaker follows
    // it to the end of the clause ("…, said one source in the room.").
    // An addressee verb after an appositive (`Tomas Reede, the envoy, told the Herald that …`) is not inverted.
    if (!right && left && !inPrevContent && !verb.object && !/ing$/.test(m[0]) && /(?:[,”"’»]|'')\s*$/.test(text.slice(sentFrom, cue.start))) {
      const rm = mentionStartingAt(ctx, cue.end, Math.min(sentence.end, cue.end + 3));
      if (rm && rm.kind !== 'pronoun' && !/^['’]s\b/.test(text.slice(rm.span.end, rm.span.end + 3)) && !hasVerbBetween(ctx, rm.span.end, sentence.end)) right = { start: rm.span.start, end: rm.span.end, mention: rm };
    }
    if (!left && !right && !inPrevContent) left = clauseSubject(ctx, from, cue, m[0]);
    const useLeft = right ? null : left;
    if (!useLeft && !right) {
      from = cue.end;
      continue;
    }
    // After the verb (or after an inverted speaker): addressee, channel, time, "that".
    let p = right ? right.end : cue.end;
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
      if (!right && (k = /^\s+(?:of|about|on)\s+(?:[\p{L}.'’-]+\s+){0,3}?[\p{L}.'’-]+\s*,(?=\s*["“«'])/u.exec(rest))) {
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
    let afterEnd = sentence.end;
    const lastQ = ctx.quoteAt(Math.max(p, afterEnd - 1));
    if (lastQ && lastQ.close > afterEnd && lastQ.open >= p) afterEnd = lastQ.close;
    const after = trimRange(text, { start: p, end: afterEnd });
    const phraseStart = useLeft ? useLeft.phraseStart : cue.start;
    const before = trimRange(text, { start: q0 && q0.open < sentence.start && from === q0.close ? q0.open : sentence.start, end: phraseStart });
    // `A said X, and B said Y` / `…, compared with 64 percent who say Y`: a second speaker's
    // clause ends the first one's content at the last separator before it.
    // (Not `… hungry for what she calls “real solutions”`: a free relative stays inside.)
    if (prevSite?.after && prevSite.after.start < phraseStart && prevSite.after.end > phraseStart && (useLeft ? useLeft.ref !== (prevSite.left ?? prevSite.right) : !!right) && !/\b(?:what|which|whom|whose)\s+$/i.test(text.slice(Math.max(prevSite.after.start, phraseStart - 8), phraseStart))) {
      const mid = text.slice(prevSite.after.start, phraseStart);
      let cut = -1;
      for (const k of mid.matchAll(/,|;|\s[—–―]\s|\s(?:and|but|while|whereas)\s/g)) cut = k.index!;
      // Only a short verbless lead-in may sit between the separator and the second speaker
      // (`, and more than 4 in 10 said`, `, compared with 64 percent who say`).
      const tail = cut > 0 ? mid.slice(cut) : '';
      if (cut > 0 && !ctx.quoteAt(prevSite.after.start + cut) && wordCount(tail) <= 7 && !/\b(?:that|which|whom|whose|until|because|if|when|after|before)\b/.test(tail) && (/^,\s*compared\s+(?:with|to)\s/.test(tail) || !posIn(ctx, prevSite.after.start + cut + 1, phraseStart, ['VERB', 'AUX']))) prevSite.after = trimRange(text, { start: prevSite.after.start, end: prevSite.after.start + cut });
    }
    out.push({
      sentence,
      sentenceIndex,
      cue,
      verb,
      left: useLeft?.ref ?? null,
      leftPhraseStart: phraseStart,
      right,
      after: after.end > after.start ? after : null,
      before: before.end > before.start ? before : null,
      addressee,
      channel,
      complementizer,
    });
    from = cue.end;
  }
  return out;
}

/** How many words (runs of letters and digits) a text has. */
export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Shrink a range past white space and punctuation that belongs to no content. */
export function trimRange(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:.—–-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Content span and kind of a region: one quote filling it -> direct (inside the marks). */
export function readContent(ctx: AttributionContext, r: Range): { content: Range; kind: Draft['kind'] } {
  const inside: Quote[] = [];
  for (const q of ctx.quotes) {
    if (q.close <= r.start) continue;
    if (q.open >= r.end) break;
    inside.push(q);
  }
  if (!inside.length) return { content: r, kind: 'indirect' };
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  const junk = /^[\s,.;:!?—–-]*$/;
  const outside = ctx.text.slice(r.start, first.open) + ctx.text.slice(Math.min(last.close, r.end), r.end);
  let between = '';
  for (let i = 1; i < inside.length; i++) between += ctx.text.slice(inside[i - 1]!.close, inside[i]!.open);
  if (junk.test(outside) && (inside.length === 1 || between.split(/\s+/).length <= 6)) {
    const content = trimRange(ctx.text, { start: first.start, end: Math.min(last.end, Math.max(r.end, last.end)) });
    if (inside.length === 1 || junk.test(between)) return { content, kind: 'direct' };
    return { content, kind: 'direct' };
  }
  return { content: { start: r.start, end: Math.max(r.end, Math.min(last.close, r.end)) }, kind: 'mixed' };
}
