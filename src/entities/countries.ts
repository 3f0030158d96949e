/**
 * Countries: the gazetteer's, and those a text shows to be countries though the gazetteer never
 * heard of them. Evidence, read from the text alone (one linear scan of its capitalized words):
 *   1. a capitalized word X with a derived adjective A in the same text (X + -n/-an/-ian/-ese/-i/
 *      -ish, or a stem shared but for at most two final letters: "Norvia"/"Norvian",
 *      "Talmis"/"Talmian"), where A is used as an adjective: before a role or government noun,
 *      at most one capitalized word between ("Talmian Ports Minister", "Norvian officials");
 *   2. an adjective-like word (-ian/-ean/-an/-ese/-ish/-i) directly before "government" or a
 *      governmental title ("the Norvian government", "Norvian Prime Minister");
 *   3. "the government of X", "X's government", "X's prime minister", "X's foreign minister".
 * A country's government is '<adjective> government' ('<X> government' without one), as for the
 * gazetteer's. `CountryTable.get` looks a word or an affiliation up in both.
 */
import { mentionLexicon, type MentionLexicon } from '../text/mentions/lexicon.js';

export interface CountryInfo {
  name: string;
  government: string;
  /** The adjective ('Norvian'), when the text or the gazetteer gives one. */
  demonym?: string;
  /** Inferred from the text rather than the gazetteer. */
  inferred: boolean;
}

export interface CountryTable {
  /** A country name, alias, demonym or capital-free form ('Russia', 'Russian', 'Norvia', 'Norvian'). */
  get(form: string): CountryInfo | undefined;
  /** 'US White House' -> { country, rest: 'White House' }; null when the first words are no country. */
  splitPrefix(text: string): { country: CountryInfo; rest: string } | null;
  /** The inferred forms (lower-cased form -> info), for merging tables across documents. */
  inferred: Map<string, CountryInfo>;
}

const ADJ_SUFFIX = /(?:ian|ean|an|ese|ish|i)$/;
/** Adjectives that look like demonyms but name parties, faiths or people. */
const NOT_DEMONYM = new Set(['Republican', 'Republicans', 'Christian', 'Anglican', 'Vatican', 'Lutheran', 'Libertarian', 'Vegan', 'Spartan', 'Olympian', 'Victorian', 'Elizabethan', 'Edwardian', 'Martian', 'Parisian', 'Asian', 'African', 'European', 'Arabian', 'Caribbean', 'Atlantic', 'Baltic', 'Pacific']);
const GOV_NOUN = /^[ \t]+(?:government|Government|administration|authorities|cabinet|Cabinet|Prime Minister|prime minister|President|president|Foreign Minister|foreign minister|Foreign Ministry|foreign ministry|parliament|Parliament)\b/;

function known(lex: MentionLexicon, w: string): boolean {
  const l = w.toLowerCase();
  return lex.country.has(l) || lex.demonym.has(l) || lex.capital.has(l) || lex.place.has(l) || lex.institution.has(l) || lex.role.has(l) || lex.honorific.has(w) || lex.stop.has(w);
}

/** Stems of a word for matching a country with its adjective: the word less 0-2 final letters. */
function stems(w: string): string[] {
  const out: string[] = [];
  for (let k = 0; k <= 2 && w.length - k >= 4; k++) out.push(w.slice(0, w.length - k));
  return out;
}

let last: { text: string; lex: MentionLexicon; out: Map<string, CountryInfo> }[] = [];

/** Countries the text shows (evidence 1-3 above), keyed by lower-cased form. */
export function inferCountries(text: string, lex: MentionLexicon = mentionLexicon()): Map<string, CountryInfo> {
  // The local and the corpus stage both ask for a document's countries: keep the last few.
  for (const l of last) if (l.text === text && l.lex === lex) return l.out;
  const out = scanCountries(text, lex);
  last = [{ text, lex, out }, ...last.slice(0, 63)];
  return out;
}

function scanCountries(text: string, lex: MentionLexicon): Map<string, CountryInfo> {
  const out = new Map<string, CountryInfo>();
  const words = new Set<string>();
  const adjectival = new Set<string>();
  const wordRe = /(?<![\p{L}\p{N}'’.-])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}'’-])/gu;
  for (let m = wordRe.exec(text); m; m = wordRe.exec(text)) {
    const w = m[0];
    if (known(lex, w)) continue;
    words.add(w);
    if (!ADJ_SUFFIX.test(w) || NOT_DEMONYM.has(w)) continue;
    const after = text.slice(m.index + w.length, m.index + w.length + 40);
    if (GOV_NOUN.test(after)) {
      adjectival.add(w);
      const info: CountryInfo = { name: w, demonym: w, government: `${w} government`, inferred: true };
      out.set(w.toLowerCase(), info);
      continue;
    }
    // Before a role noun, one capitalized word at most between ("Talmian Ports Minister").
    const next = /^[ \t]+(?:\p{Lu}[\p{L}-]*[ \t]+)?([\p{L}-]+(?:[ \t]+[\p{L}-]+)?)/u.exec(after);
    if (next) {
      const two = next[1]!.toLowerCase();
      const one = two.split(/\s+/)[0]!;
      if (lex.role.has(two) || lex.role.has(one)) adjectival.add(w);
    }
  }
  // 1. A word and its adjective.
  const byStem = new Map<string, string>();
  for (const w of words) {
    if (adjectival.has(w)) continue;
    for (const s of stems(w)) if (!byStem.has(s)) byStem.set(s, w);
  }
  for (const a of adjectival) {
    let country: string | undefined;
    for (const suf of ['ian', 'ean', 'an', 'ese', 'ish', 'i', 'n']) {
      if (!a.endsWith(suf)) continue;
      const stem = a.slice(0, a.length - suf.length);
      if (stem.length < 4) continue;
      const x = byStem.get(stem);
      if (x && x !== a && x.length - stem.length <= 2) {
        country = x;
        break;
      }
    }
    if (!country) continue;
    const info: CountryInfo = { name: country, demonym: a, government: `${a} government`, inferred: true };
    out.set(country.toLowerCase(), info);
    out.set(a.toLowerCase(), info);
  }
  // 3. "the government of X", "X's government / prime minister / foreign minister".
  const ofRe = /\bgovernment of (\p{Lu}\p{Ll}{2,})(?![\p{L}])|(?<![\p{L}])(\p{Lu}\p{Ll}{2,})['’]s (?:government|prime minister|Prime Minister|foreign minister|Foreign Minister|foreign ministry|Foreign Ministry)\b/gu;
  for (let m = ofRe.exec(text); m; m = ofRe.exec(text)) {
    const x = (m[1] ?? m[2])!;
    if (known(lex, x) || out.has(x.toLowerCase())) continue;
    out.set(x.toLowerCase(), { name: x, government: `${x} government`, inferred: true });
  }
  return out;
}

/** A lookup over the gazetteer and the inferred countries. */
export function countryTable(inferred: Map<string, CountryInfo>, lex: MentionLexicon = mentionLexicon()): CountryTable {
  const get = (form: string): CountryInfo | undefined => {
    const l = form.trim().toLowerCase().replace(/^the\s+/, '').replace(/['’ʼ]s$/, '');
    const c = lex.country.get(l) ?? lex.demonym.get(l);
    if (c) return { name: c.name, government: c.government, inferred: false };
    return inferred.get(l);
  };
  const splitPrefix = (text: string): { country: CountryInfo; rest: string } | null => {
    const t = text.trim().replace(/^the\s+/i, '');
    const parts = t.split(/\s+/);
    // The longest prefix of at most three words that is a country ('United States', 'U.S.').
    for (let k = Math.min(3, parts.length - 1); k >= 1; k--) {
      const c = get(parts.slice(0, k).join(' '));
      if (c) return { country: c, rest: parts.slice(k).join(' ') };
    }
    return null;
  };
  return { get, splitPrefix, inferred };
}

/** Merge inferred tables (documents of one corpus); an entry with an adjective wins. */
export function mergeInferred(into: Map<string, CountryInfo>, from: Map<string, CountryInfo>): void {
  for (const [k, v] of from) {
    const have = into.get(k);
    if (!have || (have.government === `${have.name} government` && v.government !== `${v.name} government`)) into.set(k, v);
  }
}
