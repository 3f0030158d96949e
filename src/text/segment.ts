/**
 * Sentences and tokens with wink-nlp, with character offsets into Doc.text.
 *
 * wink ignores single newlines and splits `...yesterday?" asked a reporter.` in two, so we
 * split paragraphs ourselves (every line break ends a block: news text has one paragraph a
 * line) and rejoin a fragment that opens in lower case or with a closing quote, since such a
 * fragment continues the sentence before it ('asked a reporter', '" she said').
 */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import type { Doc, Sentence, Token } from '../core/types.js';
import { compiledLexicon } from '../core/lexicon.js';
import { mentionLexicon } from './mentions/lexicon.js';
import { isSpace } from './chars.js';

type WinkModel = Parameters<typeof winkNLP>[0];
let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * wink with its model, loaded on the first text segmented: a process that only stores and
 * rebuilds the ledger (the main thread of a run with workers) never holds the model, some
 * 60 MB. Sentence boundaries and POS are all we read; wink's named-entity pass costs as much again.
 */
function wink(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(createRequire(import.meta.url)('wink-eng-lite-web-model') as WinkModel, ['sbd', 'pos']);
  return nlp;
}

export interface Segmented {
  sentences: Sentence[];
  tokens: Token[];
}

/**
 * A fragment that cannot start a sentence: lower-case word, closing quote or punctuation. A
 * straight quote mark closes when a space or punctuation follows it; before a word it opens a
 * new quoted sentence (`… ceasefire. "Now is the time …`).
 */
const CONTINUATION = /^[\s]*(?:[a-z]|[”’,;:)\]—–-]|["'](?=[\s,.;:!?)]|$))/u;

/** How much of the sentence before a piece the joining rules read: its last characters. */
const TAIL = 64;

/** Closing quote marks, then white space and a capital: the marks end the sentence before. */
const CLOSING_MARKS = /^(['"”’]{1,2})\s+(?=\p{Lu})/u;

export function segmentText(text: string): Segmented {
  // One wink document for the whole text: a call per paragraph cost a fifth more in set-up.
  // Line breaks are cut below, so no sentence crosses a paragraph.
  const { its } = wink();
  const wdoc = wink().readDoc(text);
  const wtokens = wdoc.tokens();
  const values = wtokens.out(its.value) as string[];
  const pos = wtokens.out(its.pos) as string[];
  // wink types its.lemma as needing the model add-ons, which the lite model carries.
  const lemmas = wtokens.out(its.lemma as Parameters<typeof wtokens.out>[0]) as string[];
  // wink keeps line breaks as tokens of their own (white space, tagged SPACE): we drop them,
  // and `keep` maps each of wink's token indices to ours (-1 for a dropped one).
  const tokens: Token[] = [];
  const keep: number[] = new Array(values.length);
  // Character offsets of each token, found by walking the text.
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!v.trim()) {
      keep[i] = -1;
      continue;
    }
    let at = skipSpace(text, cursor);
    if (!text.startsWith(v, at)) {
      // wink changed a character: look a short way ahead, else take the next word.
      const near = text.slice(cursor, cursor + 64 + v.length).indexOf(v);
      if (near >= 0) at = cursor + near;
    }
    const end = Math.min(text.length, at + v.length);
    keep[i] = tokens.length;
    tokens.push({ start: at, end, pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? v).toLowerCase() });
    cursor = end;
  }
  const lines = paragraphs(text);
  const sentences: Sentence[] = [];
  let line = 0;
  let inLine = 0;
  // A line that wink gave no sentence is one sentence of its own.
  const closeLinesBefore = (at: number): void => {
    for (; line < lines.length && at >= lines[line]![1]; line++, inLine = 0) {
      if (inLine === 0) sentences.push({ start: lines[line]![0], end: lines[line]![1], paragraph: line });
    }
  };
  const push = (ps: number, pe: number): void => {
    closeLinesBefore(ps);
    const prev = sentences[sentences.length - 1];
    // wink ends a sentence after a title ("the Rev." | "Al Vell said") and inside a party tag
    // ("(D-N." | "Y.), the chairman"): neither ends a sentence.
    if (inLine > 0 && prev && endsInsideSentence(text.slice(Math.max(prev.start, prev.end - TAIL), prev.end))) {
      prev.end = pe;
      return;
    }
    if (inLine > 0 && prev) {
      // wink cuts `… deal.'' The council` after the first apostrophe: the marks close the
      // sentence before, and what follows them starts a new one.
      const close = CLOSING_MARKS.exec(text.slice(ps, Math.min(pe, ps + 8)));
      if (close && /[.!?]['"”’]?$/.test(text.slice(Math.max(prev.start, prev.end - TAIL), prev.end))) {
        prev.end = ps + close[1]!.length;
        ps += close[0].length;
        if (ps >= pe) return;
      }
    }
    if (inLine > 0 && prev && CONTINUATION.test(text.slice(ps, pe))) prev.end = pe;
    else {
      sentences.push({ start: ps, end: pe, paragraph: line });
      inLine++;
    }
  };
  for (const [a, b] of wdoc.sentences().out(its.span) as Array<[number, number]>) {
    // wink's sentence, as our tokens, cut at every line break between two of them.
    let first = -1;
    let last = -1;
    for (let i = a; i <= b; i++) {
      const k = keep[i]!;
      if (k < 0) continue;
      if (last >= 0 && hasLineBreak(text, tokens[last]!.end, tokens[k]!.start)) {
        pushPieces(text, tokens[first]!.start, tokens[last]!.end, push);
        first = -1;
      }
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) pushPieces(text, tokens[first]!.start, tokens[last]!.end, push);
  }
  closeLinesBefore(text.length);
  return { sentences, tokens };
}

/** The lexicons' one-word title abbreviations ("Rev.", "Sen."; not "U.S."). */
const titleAbbreviations = compiledLexicon(() => new Set(mentionLexicon().abbreviations.filter((w) => /^\p{L}+\.$/u.test(w))));

/** A piece (its last characters suffice) that ends with a title abbreviation or inside an open parenthesis goes on. */
function endsInsideSentence(tail: string): boolean {
  const last = /(\S+)\s*$/.exec(tail)?.[1] ?? '';
  if (titleAbbreviations().has(last.replace(/^[("“‘]+/, ''))) return true;
  const open = tail.lastIndexOf('(');
  return open >= 0 && tail.indexOf(')', open) < 0 && tail.length - open < 40;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** The non-blank lines of a text as [start, end), end without trailing white space. */
function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push([m.index, m.index + m[0].trimEnd().length]);
  }
  return out;
}

/**
 * wink keeps `… policy.'' The network said` together: split after a closing quote that
 * follows a full stop when a capital opens the next part.
 */
function pushPieces(text: string, start: number, end: number, push: (a: number, b: number) => void): void {
  let from = start;
  const piece = text.slice(start, end);
  const re = /[.!?](?:''|["”’])\s+(?=\p{Lu})/gu;
  for (let m = re.exec(piece); m; m = re.exec(piece)) {
    push(from, start + m.index + m[0].trimEnd().length);
    from = start + m.index + m[0].length;
  }
  push(from, end);
}

function skipSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Stage: fill doc.sentences and doc.tokens. */
export function segment(doc: Doc): void {
  const { sentences, tokens } = segmentText(doc.text);
  doc.sentences = sentences;
  doc.tokens = tokens;
}
