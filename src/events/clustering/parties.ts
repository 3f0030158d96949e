/**
 * Normalised parties: an event's identity is its type and this set (a country for its
 * government, officials' deals for their countries, a company's people for the company).
 */
import type { EventMention } from '../../core/types.js';
import type { Canonical } from '../../entities/index.js';
import { foldPlace } from './model.js';

/**
 * The party an entity stands for in an event. A country and its government are one party, the
 * country (LEDGER.md: Moscow or the Kremlin speaking for the Russian government), so "a deal
 * with Damaris" and "the Damarian government's deal" are about the same parties. People keep
 * their own identity: who met whom is what tells two meetings apart.
 */
export interface Parties {
  /** The country for its government; the id itself otherwise. */
  party: (id: string) => string;
  /** The country whose government a person or body speaks for. */
  countryOf: (id: string) => string | null;
  /** A country (a place with a government of its own). */
  isCountry: (id: string) => boolean;
  /** A group named for its nation ("the Russians", "Norvish officials"): it stands for its country. */
  isNationGroup: (id: string) => boolean;
  /** An official: a person who speaks for a country's government. */
  isOfficial: (id: string) => boolean;
  /** The company a person speaks for ("Brix's chief" for Brix), when it is no government. */
  companyOf: (id: string) => string | null;
  placeKey: (id: string) => string | null;
}

export function partyResolver(canon: Canonical): Parties {
  const byId = new Map(canon.entities.map((e) => [e.id, e]));
  // Entity.side is the name of the side's entity, or one of its aliases ("Brix" for Brix Capital).
  const byName = new Map(canon.entities.map((e) => [e.name, e]));
  for (const e of canon.entities) for (const a of e.aliases) if (!byName.has(a)) byName.set(a, e);
  const sideOf = (id: string): string | undefined => {
    const e = byId.get(id);
    const s = e?.side && e.side !== e.name ? byName.get(e.side) : undefined;
    return s?.type === 'organization' ? s.id : undefined;
  };
  const countryOfGov = new Map<string, string>();
  for (const e of canon.entities) {
    const g = e.type === 'place' ? sideOf(e.id) : undefined;
    if (g && !countryOfGov.has(g)) countryOfGov.set(g, e.id);
  }
  const countries = new Set(countryOfGov.values());
  const placeNames = new Map(canon.entities.filter((e) => e.type === 'place').map((e) => [e.id, foldPlace(e.name)]));
  return {
    party: (id) => countryOfGov.get(id) ?? id,
    countryOf: (id) => {
      const g = sideOf(id);
      return g ? countryOfGov.get(g) ?? null : null;
    },
    isCountry: (id) => countries.has(id),
    isNationGroup: (id) => {
      const g = byId.get(id)?.type === 'group' ? sideOf(id) : undefined;
      return g !== undefined && countryOfGov.has(g);
    },
    isOfficial: (id) => byId.get(id)?.type === 'person' && sideOf(id) !== undefined && countryOfGov.has(sideOf(id)!),
    companyOf: (id) => {
      const s = byId.get(id)?.type === 'person' ? sideOf(id) : undefined;
      return s && !countryOfGov.has(s) ? s : null;
    },
    placeKey: (id) => placeNames.get(id) ?? null,
  };
}

/**
 * Participants as parties, without the event's own city ("the summit in Kelmar" is not with
 * Kelmar). Parties of one level: next to a country, a person or body of another government
 * stands for that government's country ("Reyk's summit with Damaris" is Ostrelia's); among
 * people alone, who met whom stays what tells two meetings apart.
 */
export function partiesOf(m: EventMention, ent: (local: string) => string, p: Parties, betweenStates: ReadonlySet<string>): string[] {
  const place = m.place ? foldPlace(m.place) : null;
  // A city named as the place is where, not who; a country stays a party ("a Ukraine peace deal").
  // A group named for its nation ("the Norvish side", "Norvish officials") is its country's.
  const ids = m.participants.map(ent).map(p.party).map((id) => (p.isNationGroup(id) ? p.countryOf(id)! : id)).filter((id) => !(place && p.placeKey(id) === place && !p.isCountry(id)));
  // A deal between two leaders, each speaking for a country, is their countries' deal; so is
  // "the deal" of a leader alone, to be completed with the other country. A company is no
  // official: its deal stays its own.
  const countryLevel = ids.some(p.isCountry) || (betweenStates.has(m.type) && ids.length >= 1 && ids.every(p.isOfficial));
  if (countryLevel) return [...new Set(ids.map((id) => (p.isCountry(id) ? id : p.countryOf(id) ?? id)))].sort();
  // "we will keep our offer open," its chief said: a company's people make its deals.
  return [...new Set(betweenStates.has(m.type) ? ids.map((id) => p.companyOf(id) ?? id) : ids)].sort();
}
