/**
 * Affiliation chains up to a side. A person's affiliation as written ('White House', 'Russia',
 * 'Harbour Board') becomes a chain: an institution adds the government it belongs to; a country
 * with a governmental role becomes that country's government; other organizations stand as
 * they are. An institution entity itself belongs to its government; a government is its own side.
 */
import type { EntityType } from '../core/types.js';
import { mentionLexicon } from '../text/mentions/lexicon.js';

export function affiliationChain(affiliation: string | null, roles: string[], type: EntityType, name: string): string[] {
  const lex = mentionLexicon();
  const gov = roles.some((r) => lex.role.get(r)?.gov);
  const chain: string[] = [];
  const self = lex.institution.get(name.toLowerCase());
  if (self) {
    const c = self.country ? lex.countryById.get(self.country) : undefined;
    if (c) return [c.government];
    return [];
  }
  if (!affiliation) return chain;
  const inst = lex.institution.get(affiliation.toLowerCase());
  if (inst) {
    chain.push(inst.name);
    const c = inst.country ? lex.countryById.get(inst.country) : undefined;
    if (c) chain.push(c.government);
    return chain;
  }
  const country = lex.country.get(affiliation.toLowerCase()) ?? lex.demonym.get(affiliation.toLowerCase());
  if (country) {
    if (affiliation === country.government) return [country.government];
    if (gov || type === 'organization' || type === 'group') return [country.government];
    return [];
  }
  // A government named directly ('Norvish government').
  for (const c of lex.countryById.values()) if (c.government === affiliation) return [affiliation];
  return [affiliation];
}
