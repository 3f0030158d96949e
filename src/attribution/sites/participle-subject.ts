/**
 * The speaker of a participle after a clause (`Norland issued a statement saying …`, `The envoy
 * began by talking about the port, saying …`): the clause's subject.
 */
import type { Sentence } from '../../core/types.js';
import type { AttributionContext, Range, SpeakerRef } from '../context.js';
import { lowerBound, mentionsBetween, mentionStartingAt, posIn } from '../context.js';

/** A mention after a preposition (`On Monday, in Brill, …`) is no subject. */
const OBJECT_OF_RE = /\b(?:in|from|at|of|for|with|on|to|by|about|after|before)\s+(?:the\s+)?$/i;

export function participleSubject(ctx: AttributionContext, cue: Range, from: number, sentence: Sentence, sentenceIndex: number): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  let left: { ref: SpeakerRef; phraseStart: number } | null = null;
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
        if (OBJECT_OF_RE.test(text.slice(Math.max(sentence.start, c.span.start - 12), c.span.start))) continue;
        if (/^\s+\S+/.test(text.slice(c.span.end, c.span.end + 2)) && posIn(ctx, c.span.end, c.span.end + 20, ['VERB', 'AUX'])) first = c;
        break;
      }
    }
    const subj = first && first.kind !== 'pronoun' || first && /^(?:he|she|they|we|i)$/i.test(text.slice(first.span.start, first.span.end)) ? { start: first.span.start, end: first.span.end, mention: first } : subjectNP(ctx, sentence.start, cue.start);
    if (subj && posIn(ctx, subj.end, subj.end + 40, ['VERB', 'AUX'])) left = { ref: subj, phraseStart: cue.start };
  }
  return left;
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
