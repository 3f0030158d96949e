/**
 * The raw text as lines with their offsets, each with the ranges kept after markdown syntax
 * is removed (see markdown.ts). Every later decision is about whole lines.
 */
import { markdownRanges } from './markdown.js';

export interface Line {
  /** Raw offsets of the line, line break excluded. */
  start: number;
  end: number;
  /** Raw ranges kept, ascending; their concatenation is `text`. */
  ranges: Array<[number, number]>;
  text: string;
  words: number;
  /** Indexes into `ranges` before which a space joins a hard-wrapped line. */
  joins?: number[];
  /** A markdown structure line (fence, rule, setext underline) that is never text. */
  structural: boolean;
}

const STRUCTURAL = /^(?:```.*|~~~.*|(?:[-*_]\s*){3,}|=+|-+)$/;

export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const next = end + 1;
    const lineEnd = end > start && raw.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push(makeLine(raw, start, lineEnd));
    start = next;
  }
  return lines;
}

export function makeLine(raw: string, start: number, end: number): Line {
  const trimmed = raw.slice(start, end).trim();
  if (STRUCTURAL.test(trimmed) && trimmed.length > 0) return { start, end, ranges: [], text: '', words: 0, structural: true };
  const ranges = markdownRanges(raw, start, end);
  const text = ranges.map(([a, b]) => raw.slice(a, b)).join('');
  return { start, end, ranges, text, words: countWords(text), structural: false };
}

export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
