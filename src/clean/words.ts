/**
 * Whether decoded text is prose at all: bytes that happen to be valid UTF-8 (printable noise,
 * base64, a dump of numbers and symbols) decode without error, but almost none of their
 * tokens are words. A word here is a run of letters in one natural case pattern (`harbour`,
 * `Harbour`, `NATO`) or of a script without case; tokens are cut at white space, punctuation
 * and symbols, so `don't` and `well-known` are words in two pieces.
 */
const WORD = /^(?:\p{Lu}?[\p{Ll}\p{M}]+|[\p{Lu}\p{M}]+|[\p{Lo}\p{Lm}\p{M}]+)$/u;
const BREAKS = /[\s\p{P}\p{S}]+/u;

/** Enough of a text to tell: the check stays linear however long the text. */
const SAMPLE_CHARS = 65_536;

/**
 * Below this share of token characters in words, a text is not prose. News text in any script
 * scores above 0.7 (lists, tables and quoted figures included); printable noise about 0.2,
 * base64 0.1, a list of numbers 0.
 */
export const MIN_WORD_SHARE = 0.5;

/** The share of token characters (not white space, punctuation or symbols) that are in words. */
export function wordShare(text: string): number {
  let words = 0;
  let all = 0;
  for (const t of text.slice(0, SAMPLE_CHARS).split(BREAKS)) {
    all += t.length;
    if (WORD.test(t)) words += t.length;
  }
  return all ? words / all : 0;
}
