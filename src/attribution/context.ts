/**
 * What every attribution rule reads: the document, its quotations, its mentions, and the cue
 * sites (each reporting verb with the speaker found left or right of it and the text regions
 * before and after it; found by the steps of sites/). Rules (rules/) turn cue sites into
 * statement drafts; refiners (refiners/) merge, attach speakers across sentences and filter.
 * The helpers below are shared by all of them.
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

/** The first index of a sorted list whose key is at least `o`. */
export function lowerBound<T>(list: T[], key: (x: T) => number, o: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions that lie wholly in [a, b). */
export function mentionsBetween(ctx: AttributionContext, a: number, b: number): Mention[] {
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

/** The mention starting at `at` (after white space or `the`), if any starts before `limit` + 5. */
export function mentionStartingAt(ctx: AttributionContext, at: number, limit: number): Mention | null {
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
