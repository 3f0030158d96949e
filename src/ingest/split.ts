/**
 * A very long plain text (a transcript, a dump of many stories) is analysed in parts: each part
 * is an input item of its own, cut at a paragraph break, so analysis time grows linearly with
 * the size of the text however the per-document stages scale, and parts run in parallel and
 * each within the per-document budget. Articles are far below the threshold and left whole.
 * Parts are verbatim byte slices of the input (their concatenation is the input), named
 * `SOURCE#partN`, and stored and skipped on a re-run like any other input.
 */

/** Texts above this are split: ten times a long feature article. */
export const SPLIT_BYTES = 256 * 1024;
/** Target size of a part: a few long articles, where every stage is still fast. */
export const PART_BYTES = 32 * 1024;

const LF = 0x0a;

/**
 * The byte ranges of the parts of `bytes`, or null when it stays whole (small, or not in an
 * ASCII-compatible encoding whose line breaks can be found byte-wise).
 */
export function partRanges(bytes: Buffer): Array<[number, number]> | null {
  if (bytes.length <= SPLIT_BYTES) return null;
  // UTF-16 (a byte-order mark or NULs in the head): byte-wise line breaks would cut characters.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0)) return null;
  // A page saved as .txt is still read as HTML (clean/index.ts), and HTML is not cut.
  const head = bytes.subarray(0, 5000).toString('latin1');
  if (/^\s*</.test(head) || /<(?:p|div|article|br|html|body)\b[^>]*>/i.test(head)) return null;
  const out: Array<[number, number]> = [];
  let start = 0;
  while (bytes.length - start > PART_BYTES) {
    const cut = breakAfter(bytes, start + PART_BYTES);
    if (cut < 0) break;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, bytes.length]);
  return out.length > 1 ? out : null;
}

/**
 * The end of the first paragraph break (a blank line) at or after `from`; failing that, of the
 * first line break; -1 when the rest is one line. A later break is taken if none is near.
 */
function breakAfter(bytes: Buffer, from: number): number {
  for (let i = bytes.indexOf(LF, from); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(LF, i + 1)) {
    let j = i + 1;
    if (bytes[j] === 0x0d) j++;
    if (bytes[j] === LF) {
      while (bytes[j + 1] === LF || bytes[j + 1] === 0x0d) j++;
      return j + 1 < bytes.length ? j + 1 : -1;
    }
    // No blank line within a part's length: a line break will do.
    if (i - from > PART_BYTES) return i + 1;
  }
  return -1;
}
