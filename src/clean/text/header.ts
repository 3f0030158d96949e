/**
 * Recognisers for the header lines of copied news text: a line that is only a date, a
 * byline, a `key: value` field, a person's name. Data comes from header-words.yml.
 */
import { headerWords } from './lexicons.js';

/** A line made only of date words, numbers and punctuation ("Oct. 21, 2025Updated 7:12 p.m. ET"). */
export function isDateLine(s: string): boolean {
  if (s.length > 90 || !/\d/.test(s)) return false;
  const words = headerWords().dateWords;
  let other = 0;
  for (const w of s.toLowerCase().match(/\p{L}+/gu) ?? []) if (!words.has(w)) other += w.length;
  return other <= 2 && (/\d{4}|\d{1,2}[./-]\d{1,2}/.test(s) || /\p{L}{3}/u.test(s));
}

/** "date 2025-03-04 Rest of the line": a date prefix glued to a headline or a first sentence. */
export const DATE_PREFIX = /^date\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s+/i;

export function bylineAuthors(s: string): string[] | null {
  const m = headerWords().byline.exec(s);
  if (!m) return null;
  const names = splitNames(m[1]!);
  return names.length && names.every(isNameShaped) ? names : null;
}

export function splitNames(s: string): string[] {
  return s
    .replace(/\s*[|·•–—-]\s+.*$/, '')
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((n) => n.trim())
    .filter((n) => n.length > 1);
}

/** Two to four capitalised words, no digits: how a person's name looks on its own line. */
export function isNameShaped(s: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|de|da|del|der|bin|al)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(s.trim());
}

export function metaField(s: string): { field: string; value: string } | null {
  const h = headerWords();
  const m = h.metaKey.exec(s);
  if (!m) return null;
  const field = h.fieldOf.get(m[1]!.toLowerCase().replace(/\s+/g, ' '));
  return field ? { field, value: m[2]!.trim() } : null;
}
