/**
 * Sentences and tokens with wink-nlp, with character offsets into Doc.text.
 *
 * wink ignores single newlines and splits `...yesterday?" asked a reporter.` in two, so we
 * split paragraphs ourselves (every line break ends a block: news text has one paragraph a
 * line) and rejoin a fragment that opens in lower case or with a closing quote, since such a
 * fragment continues the sentence before it ('asked a reporter', '" she said').
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Token } from '../core/types.js';

const nlp = winkNLP(model);
const its = nlp.its;

export interface Segmented {
  sentences: Sentence[];
  tokens: Token[];
}

/** A fragment that cannot start a sentence: lower-case word, closing quote or punctuation. */
const CONTINUATION = /^[\s]*(?:[a-z]|[”’"',;:)\]—–-])/u;

export function segmentText(text: string): Segmented {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const paragraphRe = /[^\n]+/g;
  let paragraph = 0;
  for (let m = paragraphRe.exec(text); m; m = paragraphRe.exec(text)) {
    const block = m[0];
    if (!block.trim()) continue;
    const base = m.index;
    const wdoc = nlp.readDoc(block);
    const values = wdoc.tokens().out(its.value) as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const lemmas = wdoc.tokens().out(its.lemma as never) as unknown as string[];
    // Character offsets of each token, found by walking the block.
    const starts: number[] = [];
    const ends: number[] = [];
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      let at = block.indexOf(v, cursor);
      if (at < 0 || at - cursor > 64) at = skipSpace(block, cursor);
      starts.push(base + at);
      const end = at < 0 ? cursor : Math.min(block.length, at + v.length);
      ends.push(base + end);
      cursor = end;
      tokens.push({ start: base + at, end: base + end, pos: pos[i] ?? 'X', lemma: lemmas[i] ?? v.toLowerCase() });
    }
    const spans = wdoc.sentences().out(its.span) as Array<[number, number]>;
    const blockSentences: Sentence[] = [];
    for (const [a, b] of spans) {
      if (starts[a] === undefined || ends[b] === undefined) continue;
      const s: Sentence = { start: starts[a]!, end: ends[b]!, paragraph };
      const prev = blockSentences[blockSentences.length - 1];
      if (prev && CONTINUATION.test(text.slice(s.start, s.end))) prev.end = s.end;
      else blockSentences.push(s);
    }
    if (blockSentences.length === 0) blockSentences.push({ start: base, end: base + block.trimEnd().length, paragraph });
    sentences.push(...blockSentences);
    paragraph++;
  }
  return { sentences, tokens };
}

function skipSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}

/** Stage: fill doc.sentences and doc.tokens. */
export function segment(doc: Doc): void {
  const { sentences, tokens } = segmentText(doc.text);
  doc.sentences = sentences;
  doc.tokens = tokens;
}
