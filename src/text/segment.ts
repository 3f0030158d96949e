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

// Sentence boundaries and POS are all we read; wink's named-entity pass costs as much again.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

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
    const pieces: Array<[number, number]> = [];
    for (const [a, b] of spans) {
      if (starts[a] === undefined || ends[b] === undefined) continue;
      // wink keeps `… policy.'' The network said` together: split after a closing quote that
      // follows a full stop when a capital opens the next part.
      let from = starts[a]!;
      const piece = text.slice(from, ends[b]!);
      const re = /[.!?](?:''|["”’])\s+(?=\p{Lu})/gu;
      for (let m = re.exec(piece); m; m = re.exec(piece)) {
        const cut = starts[a]! + m.index + m[0].trimEnd().length;
        pieces.push([from, cut]);
        from = starts[a]! + m.index + m[0].length;
      }
      pieces.push([from, ends[b]!]);
    }
    for (const [ps, pe] of pieces) {
      const s: Sentence = { start: ps, end: pe, paragraph };
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
