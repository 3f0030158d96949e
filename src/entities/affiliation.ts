/**
 * Affiliation chains up to a side. A person's affiliation as written ('White House', 'Russia',
 * 'Harbour Board') becomes a chain: an institution adds the government it belongs to; a country
 * with a governmental role becomes that country's government; other organizations stand as
 * they are. An institution entity itself belongs to its government; a government is its own side.
 */
import type { EntityType } from '../core/types.js';
import { mentionLexicon } from '../text/mentions/lexicon.js';
import { countryTable, type CountryTable } from './countries.js';

/** A business's name: it ends in a company word ("Steel", "Foods Corp."). */
function isCompany(name: string): boolean {
  const last = name.split(/\s+/).pop()!.replace(/[.,]+$/, '').toLowerCase();
  return mentionLexicon().companyEnd.has(last);
}

/** Affiliations that say nothing about whose ("Government spokeswoman"). */
const SPOKES = /^(?:spokesman|spokeswoman|spokesperson|press secretary|deputy press secretary|press officer|press aide)$/;
const EMPTY = /^(?:government|state|administration|federal|official)$/i;

/**
 * `countries` adds the countries a corpus shows (countries.ts) to the gazetteer's. A country
 * before an institution is the institution's country ("US White House", "Norvian Foreign
 * Ministry"); a portfolio word before a title ("Transport Minister") is no affiliation.
 */
export function affiliationChain(affiliation: string | null, roles: string[], type: EntityType, name: string, countries: CountryTable = countryTable(new Map())): string[] {
  const lex = mentionLexicon();
  // A spokesperson of a country speaks for its government, as a minister does.
  const gov = roles.some((r) => lex.role.get(r)?.gov || SPOKES.test(r));
  const chain: string[] = [];
  const self = lex.institution.get(name.toLowerCase());
  if (self) {
    const c = self.country ? lex.countryById.get(self.country) : undefined;
    if (c) return [c.government];
    return [];
  }
  // A country belongs to its government's side.
  if (type === 'place') {
    const c = countries.get(name);
    if (c && c.name.toLowerCase() === name.toLowerCase()) return [c.government];
  }
  // An organization named with its country ("Norvian Foreign Ministry"): that country's; a
  // business so named ("Norvian Steel Corp.") is its own.
  if (type === 'organization') {
    const split = countries.splitPrefix(name);
    if (split?.rest && /^\p{Lu}/u.test(split.rest)) return isCompany(split.rest) ? [] : [split.country.government];
  }
  if (!affiliation || EMPTY.test(affiliation)) return chain;
  const inst = lex.institution.get(affiliation.toLowerCase());
  if (inst) {
    chain.push(inst.name);
    const c = inst.country ? lex.countryById.get(inst.country) : undefined;
    if (c) chain.push(c.government);
    return chain;
  }
  const country = countries.get(affiliation);
  if (country) {
    if (affiliation === country.government) return [country.government];
    if (gov || type === 'organization' || type === 'group') return [country.government];
    return [];
  }
  // A government named directly ('Norvish government').
  for (const c of lex.countryById.values()) if (c.government === affiliation) return [affiliation];
  for (const c of countries.inferred.values()) if (c.government === affiliation) return [affiliation];
  // A country and what of it: "US White House", "Norvian Foreign Ministry", "Norvian Ports".
  const split = countries.splitPrefix(affiliation);
  if (split) {
    const i2 = lex.institution.get(split.rest.toLowerCase());
    if (i2) return [i2.name, split.country.government];
    if (/\b(?:Ministry|Office|Department|Agency|Service|Council|Commission|Embassy|Mission)$/.test(split.rest)) return [affiliation, split.country.government];
    if (isCompany(split.rest)) return [affiliation];
    return gov || type !== 'person' ? [split.country.government] : [];
  }
  // One capitalized portfolio word before a governmental title ("Transport Minister").
  if (gov && type === 'person' && /^\p{Lu}\p{Ll}+$/u.test(affiliation) && roles.some((r) => /minister|secretary/.test(r))) return [];
  return [affiliation];
}
