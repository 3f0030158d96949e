/**
 * The tense that governs a time expression in its sentence: the nearest tense cue before it
 * in the same sentence ("said on Friday" past, "will meet on Friday" future), else the nearest
 * after it ("On Friday, the leaders will meet"), else past (news reports what happened).
 */
import { timeLexicon } from './lexicon.js';

export type Tense = 'past' | 'future';

interface Cue { at: number; end: number; tense: Tense }

function cues(sentence: string): Cue[] {
  const lex = timeLexicon();
  const out: Cue[] = [];
  for (const [re, tense] of [[lex.futureRe, 'future'], [lex.pastRe, 'past']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) out.push({ at: m.index, end: m.index + m[0].length, tense });
  }
  return out;
}

/** Tense of the expression at [start, end) of `sentence` (offsets relative to it). */
export function tenseAt(sentence: string, start: number, end: number): Tense {
  let before: Cue | null = null;
  let after: Cue | null = null;
  for (const c of cues(sentence)) {
    // A cue inside the expression ("next Friday") is the expression's own word.
    if (c.end <= start) {
      if (!before || c.at > before.at) before = c;
    } else if (c.at >= end) {
      if (!after || c.at < after.at) after = c;
    } else if (c.tense === 'future') return 'future';
  }
  // A clause break (comma, semicolon, dash) between the cue before and the expression leaves the
  // cue to its own clause unless nothing follows.
  if (before) {
    const between = sentence.slice(before.end, start);
    if (!/[;—–]|,\s+(?:and|but|while|after|before|when)\b/.test(between) || !after) return before.tense;
  }
  return after?.tense ?? 'past';
}
