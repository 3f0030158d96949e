/**
 * Folding for matching names: case, accents, apostrophes and punctuation away, then general
 * transliteration rules so that spellings of one name meet (…skyy/…skiy/…ski -> …sky,
 * final -iy/-yy -> -y, final -ey -> -ei, initial C before a/o/u -> K, ph -> f, doubled letters
 * once). These are rules about spelling, not lists of names.
 */

/** Lower case, no accents, straight apostrophes, no periods, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[.'"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const WORD_RULES: Array<[RegExp, string]> = [
  [/(?:skyy|skyi|skiy|skii|ski|sky)$/, 'sky'],
  [/(?:iy|yy|ii|yi)$/, 'y'],
  [/ey$/, 'ei'],
  [/^c(?=[aou])/, 'k'],
  [/ph/g, 'f'],
  [/kh/g, 'h'],
  [/x/g, 'ks'],
  [/(\p{L})\1/gu, '$1'],
];

/** One folded word through the transliteration rules. */
export function foldWord(w: string): string {
  let out = w;
  for (const [re, to] of WORD_RULES) out = out.replace(re, to);
  return out;
}

const keyCache = new Map<string, string>();

/** Matching key of a name: folded, initials dropped, each word transliteration-folded. Memoized. */
export function nameKey(s: string): string {
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const words = fold(s).split(' ').filter((w) => w.length > 1 || /\d/.test(w));
  const key = words.map(foldWord).join(' ');
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(s, key);
  return key;
}

/** The last word of a key (a surname, usually). */
export function lastWord(key: string): string {
  const i = key.lastIndexOf(' ');
  return i < 0 ? key : key.slice(i + 1);
}

/** URL- and id-safe slug. */
export function slug(s: string): string {
  return fold(s).replace(/ +/g, '-').slice(0, 60) || 'x';
}
