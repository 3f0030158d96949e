/**
 * What mention finding knows, loaded from data/lexicons (honorifics, titles, roles, gazetteer,
 * places, institutions, org-words, pronouns, name-stopwords) and compiled once into lookup maps
 * and regexes. A user lexicon file (--lexicon) changes the sources; the compiled form is built
 * again then (compiledLexicon).
 */
import { z } from 'zod';
import { loadLexicon, alternation, compiledLexicon } from '../../core/lexicon.js';

const Forms = z.array(z.string().min(1)).min(1);
export const HonorificEntry = z.object({ id: z.string(), forms: Forms, gender: z.enum(['m', 'f']).optional() });
export const TitleEntry = z.object({ id: z.string(), forms: Forms, role: z.string(), gov: z.boolean().default(false), gender: z.enum(['m', 'f']).optional() });
export const RoleEntry = z.object({
  id: z.string(),
  forms: Forms,
  plural: z.array(z.string()).default([]),
  gender: z.enum(['m', 'f']).optional(),
  gov: z.boolean().default(false),
  group: z.boolean().default(false),
  title: z.boolean().default(true),
});
export const CountryEntry = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  demonyms: z.array(z.string()).default([]),
  capitals: z.array(z.string()).default([]),
  government: z.string().optional(),
});
export const PlaceEntry = z.object({ id: z.string(), forms: Forms, suffix: z.boolean().default(false) });
export const InstitutionEntry = z.object({ id: z.string(), name: z.string(), forms: Forms, country: z.string().optional(), metonym: z.boolean().default(false) });
/** `legal: true`: a legal form ("Corp.", "Inc.") that names no other company when dropped: "Ardent Corp." is Ardent. */
export const OrgWordEntry = z.object({ id: z.string(), position: z.enum(['start', 'end']), forms: Forms, legal: z.boolean().default(false), company: z.boolean().default(false) });
export const PronounEntry = z.object({ id: z.string(), forms: Forms, gender: z.enum(['m', 'f']).optional(), number: z.enum(['singular', 'plural']), nonhuman: z.boolean().default(false) });
export const StopEntry = z.object({ id: z.string(), forms: Forms });

export type CountryEntry = z.infer<typeof CountryEntry>;
export type InstitutionEntry = z.infer<typeof InstitutionEntry>;

export interface RoleInfo {
  role: string;
  gender?: 'm' | 'f';
  gov: boolean;
  group: boolean;
  plural: boolean;
  title: boolean;
}

export interface Country {
  id: string;
  name: string;
  government: string;
  capitals: string[];
}

export interface MentionLexicon {
  honorific: Map<string, { gender?: 'm' | 'f' }>;
  /** The abbreviated words of honorifics and titles, capitalized as written before a name ("Rev.", "Sen."). */
  abbreviations: string[];
  /** Lower-cased title or role phrase -> what it means. */
  role: Map<string, RoleInfo>;
  /** Folded country name, alias or demonym -> country. */
  country: Map<string, Country>;
  /** Legal forms ending a company's name, lower-cased without the full stop ('corp', 'inc'). */
  legalForm: Set<string>;
  /** Words that end a business's name (org-words `company: true`), lower case. */
  companyEnd: Set<string>;
  countryById: Map<string, Country>;
  /** Folded capital -> country. */
  capital: Map<string, Country>;
  /** Demonyms, lower-cased ('russian' -> country). */
  demonym: Map<string, Country>;
  place: Set<string>;
  placeEnd: Set<string>;
  /** Folded institution form -> entry. */
  institution: Map<string, InstitutionEntry>;
  orgEnd: Set<string>;
  orgStart: Set<string>;
  stop: Set<string>;
  pronoun: Map<string, { gender?: 'm' | 'f'; number: 'singular' | 'plural' }>;
  /** Title-case role phrases for matching inside capitalized sequences (longest first). */
  titleRe: RegExp;
  /** First words of those phrases: titleRe is only tried at a word in this set. */
  titleFirst: Set<string>;
  /** Role nouns in any case, for descriptions. */
  roleAlt: string;
  /** Multi-word gazetteer and institution phrases (capitalized), to match before name sequences. */
  fixedRe: RegExp;
  demonymAlt: string;
  countryAlt: string;
  institutionAlt: string;
}

const low = (s: string): string => s.toLowerCase().replace(/[’]/g, "'");
const capFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string): string => s.split(' ').map((w) => (/^(of|the|and|for)$/.test(w) ? w : capFirst(w))).join(' ');
const upperAbbrev = (s: string): string => (/^[a-z]{2,4}$/.test(s) && ['ceo', 'cfo', 'mp'].includes(s) ? s.toUpperCase() : s);

export const mentionLexicon = compiledLexicon((): MentionLexicon => {
  const honorifics = loadLexicon('honorifics', HonorificEntry);
  const titles = loadLexicon('titles', TitleEntry);
  const roles = loadLexicon('roles', RoleEntry);
  const countries = loadLexicon('gazetteer', CountryEntry);
  const places = loadLexicon('places', PlaceEntry);
  const institutions = loadLexicon('institutions', InstitutionEntry);
  const orgWords = loadLexicon('org-words', OrgWordEntry);
  const pronouns = loadLexicon('pronouns', PronounEntry);
  const stops = loadLexicon('name-stopwords', StopEntry);

  const honorific = new Map<string, { gender?: 'm' | 'f' }>();
  for (const h of honorifics) for (const f of h.forms) honorific.set(f, { gender: h.gender });

  const role = new Map<string, RoleInfo>();
  const titleForms: string[] = [];
  const roleForms: string[] = [];
  for (const r of roles) {
    const base = r.forms[0]!;
    for (const f of r.forms) {
      if (!role.has(low(f))) role.set(low(f), { role: base === f ? base : f, gender: r.gender, gov: r.gov, group: r.group, plural: false, title: r.title });
      roleForms.push(f, capFirst(f), titleCase(f), upperAbbrev(f));
      if (r.title) titleForms.push(titleCase(f), upperAbbrev(f));
    }
    for (const f of r.plural) {
      if (!role.has(low(f))) role.set(low(f), { role: base, gender: r.gender, gov: r.gov, group: r.group, plural: true, title: false });
      roleForms.push(f, capFirst(f), titleCase(f));
    }
  }
  for (const t of titles) {
    for (const f of t.forms) {
      role.set(low(f), { role: t.role, gender: t.gender, gov: t.gov, group: false, plural: false, title: true });
      titleForms.push(f);
    }
  }

  const country = new Map<string, Country>();
  const countryById = new Map<string, Country>();
  const capital = new Map<string, Country>();
  const demonym = new Map<string, Country>();
  const countryForms: string[] = [];
  const demonymForms: string[] = [];
  const fixed: string[] = [];
  for (const c of countries) {
    const gov = c.government ?? `${c.demonyms[0] ?? c.name} government`;
    const rec: Country = { id: c.id.replace(/^country\//, ''), name: c.name, government: gov, capitals: c.capitals };
    countryById.set(rec.id, rec);
    for (const n of [c.name, ...c.aliases]) {
      if (!country.has(low(n))) country.set(low(n), rec);
      countryForms.push(n);
      fixed.push(n);
    }
    for (const d of c.demonyms) {
      if (!demonym.has(low(d))) demonym.set(low(d), rec);
      demonymForms.push(d);
    }
    for (const k of c.capitals) {
      if (!capital.has(low(k))) capital.set(low(k), rec);
      fixed.push(k);
    }
  }
  const place = new Set<string>();
  const placeEnd = new Set<string>();
  for (const p of places) for (const f of p.forms) {
    if (p.suffix) {
      placeEnd.add(f);
      continue;
    }
    place.add(low(f));
    fixed.push(f);
  }
  const institution = new Map<string, InstitutionEntry>();
  const instForms: string[] = [];
  for (const e of institutions) for (const f of e.forms) {
    institution.set(low(f), e);
    instForms.push(f);
    fixed.push(f);
  }
  const orgEnd = new Set<string>();
  const orgStart = new Set<string>();
  for (const o of orgWords) for (const f of o.forms) (o.position === 'end' ? orgEnd : orgStart).add(f.replace(/\.$/, ''));
  const legalForm = new Set(orgWords.filter((o) => o.legal).flatMap((o) => o.forms.map((f) => f.replace(/\.$/, '').toLowerCase())));
  const companyEnd = new Set(orgWords.filter((o) => o.company).flatMap((o) => o.forms.map((f) => f.replace(/\.$/, '').toLowerCase())));
  const stop = new Set<string>();
  for (const s of stops) for (const f of s.forms) stop.add(f);
  const pronoun = new Map<string, { gender?: 'm' | 'f'; number: 'singular' | 'plural' }>();
  for (const p of pronouns) if (!p.nonhuman) for (const f of p.forms) pronoun.set(f, { gender: p.gender, number: p.number });

  const abbreviations = [...honorific.keys(), ...[...role.keys()].filter((k) => k.endsWith('.'))]
    .flatMap((f) => f.split(' '))
    .filter((f) => f.endsWith('.'))
    .map((f) => f.charAt(0).toUpperCase() + f.slice(1));
  const lex: MentionLexicon = {
    abbreviations,
    honorific,
    role,
    country,
    countryById,
    capital,
    demonym,
    place,
    placeEnd,
    institution,
    orgEnd,
    orgStart,
    stop,
    pronoun,
    legalForm,
    companyEnd,
    titleRe: new RegExp(`^(?:${alternation(titleForms)})(?![\\p{L}])`, 'u'),
    titleFirst: new Set(titleForms.map((f) => f.split(' ')[0]!)),
    roleAlt: alternation(roleForms),
    fixedRe: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(fixed)})(?![\\p{L}\\p{N}])`, 'gu'),
    demonymAlt: alternation(demonymForms),
    countryAlt: alternation(countryForms),
    institutionAlt: alternation(instForms),
  };
  return lex;
});
