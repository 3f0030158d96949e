/**
 * Search snippets built in a bounded window: the first hit of any search term in the first
 * SCAN characters of a text, a few words around it, every term in the window marked. FTS5's
 * snippet() scores every window of the whole text for every phrase of the query, so one long
 * stored document and a query of repeated words took tens of seconds; this is linear in SCAN.
 */
import { z } from 'zod';
import { compiledLexicon, escapeRegExp, loadLexicon } from '../core/lexicon.js';

export const SNIPPET_SCAN = 64_000;
/** Words shown around the first hit (FTS5's snippet() showed 24 tokens). */
const WORDS = 24;
const BEFORE = 8;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Letters a word keeps when an ending is cut from it. */
const KEEP = 3;
const Suffix = z.object({ id: z.string(), ending: z.string().min(1) });
/** The endings of data/lexicons/search-suffixes.yml, longest first. */
const endings = compiledLexicon(() => loadLexicon('search-suffixes', Suffix).map((e) => e.ending.toLowerCase()).sort((a, b) => b.length - a.length));

/**
 * A word as a pattern that also matches the words the index's stemmer takes for it: its
 * stem-like prefix (an ending of search-suffixes.yml cut) and any letters after it.
 */
export function wordPattern(word: string): string {
  const lower = word.toLowerCase();
  const cut = endings().find((e) => lower.endsWith(e) && lower.length - e.length >= KEEP);
  return cut ? `${escapeRegExp(word.slice(0, word.length - cut.length))}[\\p{L}\\p{N}]*` : escapeRegExp(word);
}

/** One pattern for the terms: each a word or a phrase, words apart by anything but letters and digits; each word stemmed (wordPattern). */
export function termPattern(terms: readonly string[]): RegExp | null {
  const alts = terms.map((t) => (t.match(WORD) ?? []).map(wordPattern).join('[^\\p{L}\\p{N}]+')).filter(Boolean);
  return alts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
}

/**
 * A snippet of `text` around the first hit of `terms` (their words, any case), the terms
 * marked with `open` ... `close`; the text's first words when no hit is found in the window.
 */
export function snippetOf(text: string, terms: readonly string[] | RegExp | null, open: string, close: string, ellipsis = '…'): string {
  const head = text.length > SNIPPET_SCAN ? text.slice(0, SNIPPET_SCAN) : text;
  // A search builds its pattern once for all its hits (a RegExp); a list of terms is compiled here.
  const re = terms === null || terms instanceof RegExp ? terms : termPattern(terms);
  if (re) re.lastIndex = 0;
  const first = re ? re.exec(head) : null;
  const at = first?.index ?? 0;
  // Word starts before and after the hit, found in small slices of the text, never all of it.
  const before = [...head.slice(Math.max(0, at - 400), at).matchAll(WORD)].map((m) => m.index + Math.max(0, at - 400));
  const start = before.length > BEFORE ? before[before.length - BEFORE]! : before[0] ?? at;
  const after = [...head.slice(at, at + 2000).matchAll(WORD)];
  const last = after[Math.min(after.length, WORDS - Math.min(before.length, BEFORE)) - 1];
  const end = last ? at + last.index + last[0].length : Math.min(head.length, at + 200);
  const window = text.slice(start, end);
  // A global pattern: replace() starts from the beginning whatever lastIndex says.
  const marked = re ? window.replace(re, (m) => `${open}${m}${close}`) : window;
  return `${start > 0 ? ellipsis : ''}${marked}${end < text.length ? ellipsis : ''}`;
}
