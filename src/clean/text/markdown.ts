/**
 * Markdown syntax removed by offsets, not by rewriting: a mask marks the syntax characters
 * of one line (heading hashes, quote and list markers, emphasis delimiters, link brackets and
 * targets, images, inline code ticks, inline tags) and the kept text is the runs between them.
 * So every kept run is a verbatim slice of the raw input.
 */

const BLOCK_PREFIX = /^(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+•][ \t]+|\d{1,3}[.)][ \t]+(?=\S))/;
const HEADING_TAIL = /[ \t]+#+[ \t]*$/;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]\n]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g;
const REF_LINK = /\[([^\]\n]+)\]\[[^\]\n]*\]/g;
const STRONG = /(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1/g;
const EM_STAR = /(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])/g;
const EM_UNDER = /(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])/g;
const CODE = /`([^`\n]+)`/g;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/g;

/** Kept raw ranges of the line raw.slice(start, end), trimmed of white space at both ends. */
export function markdownRanges(raw: string, start: number, end: number): Array<[number, number]> {
  let s = start;
  let e = end;
  while (s < e && raw.charCodeAt(s) <= 32) s++;
  while (e > s && raw.charCodeAt(e - 1) <= 32) e--;
  if (s >= e) return [];
  const line = raw.slice(s, e);
  // Fast path: nothing that looks like markdown.
  if (!/[#>*_[\]`<!]/.test(line) && !/^[-+•\d]/.test(line)) return [[s, e]];
  const mask = new Uint8Array(line.length);
  const hide = (a: number, b: number): void => {
    mask.fill(1, a, b);
  };
  const prefix = BLOCK_PREFIX.exec(line);
  if (prefix) {
    hide(0, prefix[0].length);
    if (prefix[0].startsWith('#')) {
      const tail = HEADING_TAIL.exec(line);
      if (tail) hide(tail.index, line.length);
    }
  }
  for (const m of line.matchAll(IMAGE)) hide(m.index, m.index + m[0].length);
  for (const re of [LINK, REF_LINK]) {
    for (const m of line.matchAll(re)) {
      if (mask[m.index]) continue;
      hide(m.index, m.index + 1);
      hide(m.index + 1 + m[1]!.length, m.index + m[0].length);
    }
  }
  for (const m of line.matchAll(AUTOLINK)) {
    hide(m.index, m.index + 1);
    hide(m.index + m[0].length - 1, m.index + m[0].length);
  }
  for (const m of line.matchAll(TAG)) hide(m.index, m.index + m[0].length);
  for (const re of [STRONG, EM_STAR, EM_UNDER, CODE]) {
    for (const m of line.matchAll(re)) {
      const delim = m[0].length - m[m.length - 1]!.length;
      const d = delim / 2;
      hide(m.index, m.index + d);
      hide(m.index + m[0].length - d, m.index + m[0].length);
    }
  }
  const ranges: Array<[number, number]> = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && mask[i]) i++;
    const a = i;
    while (i < line.length && !mask[i]) i++;
    if (i > a) ranges.push([s + a, s + i]);
  }
  // Trim white space left at the edges by removed syntax.
  while (ranges.length) {
    const f = ranges[0]!;
    while (f[0] < f[1] && raw.charCodeAt(f[0]) <= 32) f[0]++;
    if (f[0] < f[1]) break;
    ranges.shift();
  }
  while (ranges.length) {
    const l = ranges[ranges.length - 1]!;
    while (l[1] > l[0] && raw.charCodeAt(l[1] - 1) <= 32) l[1]--;
    if (l[1] > l[0]) break;
    ranges.pop();
  }
  return ranges;
}
