/**
 * What every attribution rule reads: the document, its quotations, its mentions, and the cue
 * sites (each reporting verb with the speaker found left or right of it and the text regions
 * before and after it). Rules (rules/) turn cue sites into statement drafts; refiners (refiners/)
 * merge, attach speakers across sentences and filter.
 */
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
  const posAt = new Map<number, string>();
  for (const t of doc.tokens) posAt.set(t.start, t.pos);
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
const ADV = String.raw`(?:\s*\([^()\n]{1,40}\)|\s+(?:also|has|had|have|later|then|previously|earlier|again|repeatedly|publicly|privately|reportedly|once|further|recently|first|initially|subsequently|separately|similarly|likewise|himself|herself|itself|themselves|quickly|immediately|flatly|firmly|simply|only|even|already|since|now|just|often|frequently|today|yesterday|last\s+\w+|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|,\s*for\s+(?:his|her|its|their)\s+part,|,\s*in\s+turn,|,\s*however,))*\s*`;
const GAP_RE = new RegExp(`^${ADV}$`, 'u');
const PP_GAP_RE = new RegExp(String.raw`^\s+(?:in|from|at|of|for|with|on|to|inside|within|close\s+to)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+${ADV}$`, 'u');
const RELATIVE_RE = new RegExp(String.raw`^\s*,\s*(?:who|which)${ADV}$`, 'u');
const APPOS_RE = new RegExp(String.raw`^\s*,[^;"“”«»]{1,150}?,${ADV}$`, 'u');
const PASSIVE_RE = /\b(?:was|were|been|being|be|is|are|am|to)\s+(?:\w+ly\s+)?$/;
const NP_FALLBACK_RE = /(?:^|[,;:]\s+|\b(?:and|but|while|as|when)\s+|["“”]\s*)((?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Tt]wo|[Ss]ome|[Mm]any|\p{Lu}[\p{L}.-]*['’]s)\s+)?(?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+|[Ii]t)(?:\s+(?:also|has|had|later|then|again))*\s*$/u;
/** Parts of speech that cannot be in a subject noun phrase. */
const NOT_NP = new Set(['VERB', 'AUX', 'ADP', 'SCONJ', 'CCONJ', 'PRON', 'PART', 'ADV', 'NUM', 'PUNCT']);
const TIME_RE = /^\s*,?\s*(?:on\s+|late\s+|early\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|(?:last|this|earlier\s+this|late\s+last|next)\s+(?:week|month|year|weekend|night|morning|evening|afternoon)|yesterday|today|tonight|earlier|later|recently|again|also|previously|publicly|privately|repeatedly|separately|too|then|now|once\s+again|in\s+(?:a|an)\s+(?:brief|short|lengthy)\s+\w+)(?![\p{L}])/u;
const AUDIENCE_RE = /^\s*,?\s*(?:to\s+|with\s+)?(?:reporters|journalists|lawmakers|the\s+press|the\s+media|me|him|her|them|us|you|the\s+audience|supporters|the\s+crowd|the\s+newspaper|the\s+paper|the\s+outlet|the\s+agency|the\s+broadcaster|the\s+network|the\s+station|the\s+magazine|an?\s+\w+\s+(?:newspaper|outlet|broadcaster|agency|audience|reporter|interviewer))(?![\p{L}])/u;
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
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    const gap = text.slice(m.span.end, at);
    if (GAP_RE.test(gap) || PP_GAP_RE.test(gap)) {
      if (/\b(?:in|from|at|of|for|with|on|to|by|against|about)\s+$/.test(text.slice(Math.max(from, m.span.start - 12), m.span.start))) continue;
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
    }
  }
  for (const m of cands) {
    if (ctx.quoteAt(m.span.start)) continue;
    const gap = text.slice(m.span.end, at);
    const head = text.slice(from, m.span.start);
    // "Norland's envoy, Ida Marr, said": the name is itself an appositive; the phrase starts
    // where its clause does.
    if (/^\s*,\s*$/.test(gap) && /,\s*$/.test(head)) {
      const inner = head.replace(/,\s*$/, '');
      const cut = Math.max(inner.lastIndexOf(','), inner.lastIndexOf('”'), inner.lastIndexOf('"'), inner.lastIndexOf('’'), inner.lastIndexOf('»'));
      let ps = from + cut + 1;
      while (ps < m.span.start && /\s/.test(text[ps]!)) ps++;
      return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: ps };
    }
    if (RELATIVE_RE.test(gap) || (APPOS_RE.test(gap) && appositive(ctx, m.span.end, at))) return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
  }
  // "The ministry reversed itself and said …", "… in which he praised X and wrote …": the subject
  // of a coordinated verb, when it opens its clause.
  if (/\band\s+(?:also\s+|then\s+|later\s+)?$/.test(text.slice(from, at))) {
    for (const m of [...cands].reverse()) {
      if (ctx.quoteAt(m.span.start)) continue;
      const gap = text.slice(m.span.end, at);
      if (!/^\s+[^,;"“”]{1,100}?\s+and\s+(?:also\s+|then\s+|later\s+)?$/.test(gap)) continue;
      const head = text.slice(Math.max(from, m.span.start - 16), m.span.start);
      if (m.span.start <= from + 1 || /(?:^|[,;]\s*|\b(?:which|who|that|whom)\s+|^\s*[Tt]he\s+)$/.test(head) || /^\W*$/.test(text.slice(from, m.span.start))) {
        return { ref: { start: m.span.start, end: m.span.end, mention: m }, phraseStart: m.span.start };
      }
    }
  }
  const np = NP_FALLBACK_RE.exec(text.slice(from, at));
  if (np && np[1]) {
    const s = from + np.index + np[0].indexOf(np[1]);
    const e = s + np[1].length;
    // Every word but a leading determiner must be a noun, adjective or name (wink's tags).
    const words = [...np[1].matchAll(/[\p{L}'’.-]+/gu)];
    const ok = /^[Ii]t$/.test(np[1]) || words.every((w, i) => {
      const pos = ctx.posAt.get(s + w.index!);
      return i === 0 || !pos || !NOT_NP.has(pos);
    });
    const firstPos = ctx.posAt.get(s);
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
  for (let i = lowerBound(toks, (t) => t.start, a + 1); i < toks.length && toks[i]!.start < b; i++) {
    const t = toks[i]!;
    // A participle inside a noun phrase ("a lawyer representing the club") is fine.
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/(?:ing|ed)$/.test(ctx.text.slice(t.start, t.end))) return false;
  }
  return true;
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

/** Cue sites of one sentence, left to right. */
export function cueSites(ctx: AttributionContext, sentence: Sentence, sentenceIndex: number): CueSite[] {
  const { text, lex } = ctx;
  const out: CueSite[] = [];
  let from = sentence.start;
  const q0 = ctx.quoteAt(sentence.start);
  if (q0 && q0.open < sentence.start) from = Math.min(q0.close, sentence.end);
  for (const m of ctx.cuesIn(sentence.start, sentence.end)) {
    const cue = { start: m.index, end: m.index + m[0].length };
    if (ctx.quoteAt(cue.start)) continue;
    const pos = ctx.posAt.get(cue.start);
    if (!m[0].includes(' ') && (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'NUM')) continue;
    const pre = text.slice(Math.max(sentence.start, cue.start - 30), cue.start);
    if (!/ing$/.test(m[0]) && PASSIVE_RE.test(pre)) continue;
    const post = text.slice(cue.end, cue.end + 12);
    if (m[0] === 'called' && /^\s+(?:off|on|up|in|back|out|it\s+quits)\b/.test(post)) continue;
    const verb = lex.verb.get(m[0])!;
    let left = leftSpeaker(ctx, from, cue.start);
    const prevSite = out[out.length - 1];
    const lead = text.slice(prevSite ? prevSite.cue.end : from, cue.start);
    // A second verb of the same speaker: "X said A but added that B", "…, adding that B".
    if (prevSite && (prevSite.left ?? prevSite.right) && (/(?:,|\b(?:and|but)(?:\s+(?:also|later|then))?)\s*$/.test(lead) && (!left || left.ref.start < prevSite.cue.end)) && (/ing$/.test(m[0]) || /\b(?:and|but)(?:\s+(?:also|later|then))?\s*$/.test(lead))) {
      const joint = cue.start - (lead.length - lead.search(/(?:,|\b(?:and|but))(?:\s+(?:also|later|then))?\s*$/));
      left = { ref: (prevSite.left ?? prevSite.right)!, phraseStart: joint };
      // "…, adding that B" elaborates the first statement, which keeps it; "… but added that B"
      // is a second statement, which ends the first.
      if (prevSite.after && prevSite.after.end > joint && !/ing$/.test(m[0])) prevSite.after = trimRange(text, { start: prevSite.after.start, end: joint });
    }
    // A participle after a clause: "Norland issued a statement saying …" -> the clause's subject.
    if (!left && /ing$/.test(m[0])) {
      const cands = mentionsBetween(ctx, from, cue.start).reverse();
      for (const c of cands) {
        const gap = text.slice(c.span.end, cue.start);
        const head = text.slice(Math.max(from, c.span.start - 6), c.span.start);
        if (/^\s*$/.test(gap) || /^\s+(?:[\p{L}’'-]+\s+){1,6}?[\p{L}’'-]+\s*,?\s*$/u.test(gap) && (c.span.start <= from + 1 || /(?:^|[,;]\s*|\band\s+)$/.test(head) || ctx.doc.sentences[sentenceIndex]!.start === c.span.start)) {
          left = { ref: { start: c.span.start, end: c.span.end, mention: c }, phraseStart: cue.start };
          break;
        }
      }
    }
    let right: SpeakerRef | null = null;
    const sentFrom = q0 && q0.open < sentence.start ? q0.open : sentence.start;
    if (!left || /[,”"’»]\s*$/.test(text.slice(sentFrom, left.phraseStart))) {
      const before = text.slice(sentFrom, cue.start);
      if (/(?:[,”"’»—]|''|\?|!)\s*$/.test(before)) {
        const rm = mentionStartingAt(ctx, cue.end, Math.min(sentence.end, cue.end + 3));
        if (rm && !/^(?:it|they)$/i.test(text.slice(rm.span.start, rm.span.end))) right = { start: rm.span.start, end: rm.span.end, mention: rm };
        else if (!left) {
          const np = /^\s+((?:the|a|an|one|another)\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)(?=\s*(?:[.,;!?]|$))/u.exec(text.slice(cue.end, sentence.end));
          if (np) {
            const s = cue.end + np[0].indexOf(np[1]!);
            right = { start: s, end: s + np[1]!.length, mention: null };
          }
        }
      }
    }
    // Inversion wins when the verb follows a comma or a closing quote and a speaker follows
    // it to the end of the clause ("…, said one source in the room.").
    if (!right && left && /(?:[,”"’»]|'')\s*$/.test(text.slice(sentFrom, cue.start))) {
      const rm = mentionStartingAt(ctx, cue.end, Math.min(sentence.end, cue.end + 3));
      if (rm && rm.kind !== 'pronoun' && !hasVerbBetween(ctx, rm.span.end, sentence.end)) right = { start: rm.span.start, end: rm.span.end, mention: rm };
    }
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
