/**
 * Talks between states are held by their delegations. When the story says who led a country's
 * delegation ("Lind, who led Norland's delegation"; "Moor headed his country's team"), that
 * person is the country's party in talks: "the Norland–Ostrava talks in Kelmar" are a meeting
 * of Lind and Moor, as the same round told with their names would be. A head named in the talks'
 * own article counts first; then, for dated talks, the one the story named nearest in time before
 * them or within a week after (a round announced before the article that says who led it). Without heads for both sides the
 * talks stay the countries'. A person the story names as a party to talks with another country
 * ("Lind held talks with Moor", "talks in Kelmar, Lind said") headed their side that day too.
 */
import { z } from 'zod';
import { alternation, compiledLexicon, escapeRegExp, loadLexicon } from '../../core/lexicon.js';
import type { Doc, TimeValue } from '../../core/types.js';
import type { Canonical } from '../../entities/index.js';
import { type Item, dayOf } from './model.js';
import type { Parties } from './parties.js';

export const DelegationEntry = z.object({
  id: z.string().min(1),
  verbs: z.array(z.string().min(1)).min(1),
  teams: z.array(z.string().min(1)).min(1),
});

/**
 * `after`: right after a name, ", who led Norland's delegation", " headed his country's team".
 * `anywhere`: the phrase without the name, to pass over an article that has none at once (the
 * rebuild reads every article; few say who led a delegation).
 */
const leadRes = compiledLexicon((): { after: RegExp; anywhere: RegExp } => {
  const entries = loadLexicon('delegations', DelegationEntry);
  const verbs = alternation(entries.flatMap((e) => e.verbs));
  const teams = alternation(entries.flatMap((e) => e.teams));
  const owner = String.raw`(?:the|his|her|their|its|(?:his|her|their)\s+country['’]s|[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)?['’]s?)`;
  const phrase = String.raw`(?:${verbs})\s+${owner}\s+(?:[\p{L}-]+\s+)?(?:${teams})(?![\p{L}])`;
  return { after: new RegExp(String.raw`^,?\s+(?:who\s+(?:also\s+)?)?${phrase}`, 'iu'), anywhere: new RegExp(String.raw`(?<![\p{L}])${phrase}`, 'iu') };
});

const WITH_COUNTERPART = /^\s+with\s/iu;

/** How many days after the talks a head named in another article still tells who led them. */
const AFTER_DAYS = 7;

export interface Head {
  entity: string;
  country: string;
  doc: string;
  day: number;
}

/** The trigger entry a mention was found by ("events/trigger/meeting/talks+participants-clause"). */
export const triggerEntry = (rule: string): string => rule.replace(/^events\/trigger\//, '').split('+')[0]!;

export type DelegationParties = (it: Item) => string[] | null;

/**
 * Talks the story tells with one or two people of different countries named as parties ("Lind
 * held talks with Moor in Kelmar", "after the talks in Kelmar, Lind said"): each headed their
 * country's side that day. A party found by a group phrase, from the speaker or by pointing
 * back ("the two teams", "we", "the talks") names no one.
 */
function headsInTalks(items: readonly Item[], delegations: ReadonlySet<string>, p: Parties): Head[] {
  const out: Head[] = [];
  for (const it of items) {
    if (it.participants.length === 0 || it.participants.length > 2 || !delegations.has(triggerEntry(it.mention.rule)) || /\+(?:group|speaker|anaphora)/.test(it.mention.rule)) continue;
    const countries = it.participants.map((x) => (p.isCountry(x) ? null : p.countryOf(x)));
    if (countries.includes(null) || countries[0] === countries[1]) continue;
    it.participants.forEach((entity, i) => out.push({ entity, country: countries[i]!, doc: it.doc.id, day: it.day }));
  }
  return out;
}

export function delegationHeads(docs: readonly Doc[], canon: Canonical, p: Parties, items: readonly Item[] = [], delegations: ReadonlySet<string> = new Set()): DelegationParties {
  const re = leadRes();
  const heads: Head[] = headsInTalks(items, delegations, p);
  for (const doc of docs) {
    if (!re.anywhere.test(doc.text)) continue;
    const entityOf = canon.entityOf.get(doc.id);
    for (const l of doc.locals) {
      if (l.type !== 'person') continue;
      const entity = entityOf?.get(l.id);
      const country = entity ? p.countryOf(entity) : null;
      if (!entity || !country) continue;
      const names = new RegExp(`(?<![\\p{L}])(?:${[l.name, ...l.aliases].map(escapeRegExp).join('|')})(?![\\p{L}])`, 'gu');
      for (const m of doc.text.matchAll(names)) {
        if (!re.after.test(doc.text.slice(m.index + m[0].length, m.index + m[0].length + 80))) continue;
        heads.push({ entity, country, doc: doc.id, day: dayOf(doc.meta.published ? { start: doc.meta.published.date } as TimeValue : null) });
        break;
      }
    }
  }
  if (!heads.length) return () => null;

  const index = new HeadIndex(heads);

  return (it) => {
    // "in talks with its partners": talks that name their own counterpart are not the delegations'.
    if (WITH_COUNTERPART.test(it.doc.text.slice(it.mention.trigger.end, it.mention.trigger.end + 12))) return null;
    // The countries the talks are between: those named, or those of the one person named.
    const named = it.participants;
    let countries: readonly string[];
    if (named.length >= 2 && named.every(p.isCountry)) countries = named;
    else if (named.length <= 1) {
      const one = named[0];
      // "China is in talks with its partners": a country named alone may be talking to anyone;
      // a head of delegation named alone ("we had productive talks") is in their talks.
      if (one && !index.entities.has(one)) return null;
      const own = one ? p.countryOf(one) : null;
      const inDoc = index.countriesIn(it.doc.id);
      const pairs = own ? inDoc.filter((c) => c !== own).concat(own) : inDoc;
      const storyPair = own ? index.countries.filter((c) => c !== own) : index.countries;
      // Named by no one ("talks in Kelmar"): the two sides whose heads the story knows, if only two.
      countries = pairs.length === 2 ? pairs : own && storyPair.length === 1 ? [own, storyPair[0]!] : !own && storyPair.length === 2 ? storyPair : [];
      if (countries.length !== 2) return null;
    } else return null;
    const people = countries.map((c) => index.headOf(c, it.doc.id, it.day));
    if (people.some((x) => x === undefined)) return null;
    // A person already named keeps their place: the head is only who stands for a country.
    return [...new Set(people as string[])].sort();
  };
}

/**
 * The heads of delegation, found without scanning them all for each mention of talks: a story of
 * thousands of talks names thousands of heads (a scan a mention was 15 s of a 50,000-article
 * rebuild). Answers are those of a scan in the order the heads were found.
 */
export class HeadIndex {
  /** Every entity that heads a side. */
  readonly entities: ReadonlySet<string>;
  /** The countries of the heads, in the order first found. */
  readonly countries: readonly string[];
  private readonly byDoc = new Map<string, string[]>();
  /** `doc|country` -> the first head found of that country in that article. */
  private readonly firstInDoc = new Map<string, Head>();
  /** A country's dated heads by day, then in the order found. */
  private readonly dated = new Map<string, Array<{ head: Head; at: number }>>();

  constructor(heads: readonly Head[]) {
    this.entities = new Set(heads.map((h) => h.entity));
    this.countries = [...new Set(heads.map((h) => h.country))];
    heads.forEach((h, at) => {
      const inDoc = this.byDoc.get(h.doc) ?? [];
      if (!inDoc.includes(h.country)) inDoc.push(h.country);
      this.byDoc.set(h.doc, inDoc);
      const key = `${h.doc}|${h.country}`;
      if (!this.firstInDoc.has(key)) this.firstInDoc.set(key, h);
      if (Number.isNaN(h.day)) return;
      const list = this.dated.get(h.country) ?? [];
      list.push({ head: h, at });
      this.dated.set(h.country, list);
    });
    for (const list of this.dated.values()) list.sort((a, b) => a.head.day - b.head.day || a.at - b.at);
  }

  /** The countries whose heads an article names, in the order found. */
  countriesIn(doc: string): readonly string[] {
    return this.byDoc.get(doc) ?? [];
  }

  /**
   * Who headed `country`'s side in talks told by `doc` on `day`: the head that article names,
   * else the one named nearest in time, before or at most AFTER_DAYS after (the first found
   * among equally near). Undated talks could be any round: only their own article tells.
   */
  headOf(country: string, doc: string, day: number): string | undefined {
    const own = this.firstInDoc.get(`${doc}|${country}`);
    if (own) return own.entity;
    const list = this.dated.get(country);
    if (!list || Number.isNaN(day)) return undefined;
    // lo: the first head dated after `day`. The nearest before it are the heads of the day just below lo.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.head.day <= day) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? firstOfDay(list, lo - 1) : undefined;
    const after = lo < list.length && list[lo]!.head.day <= day + AFTER_DAYS ? list[lo] : undefined;
    if (!before || !after) return (before ?? after)?.head.entity;
    const [b, a] = [day - before.head.day, after.head.day - day];
    return (b < a || (b === a && before.at < after.at) ? before : after).head.entity;
  }
}

/** Of the heads of the day at `i` (sorted by day, then found), the first found. */
function firstOfDay(list: ReadonlyArray<{ head: Head; at: number }>, i: number): { head: Head; at: number } {
  let j = i;
  while (j > 0 && list[j - 1]!.head.day === list[i]!.head.day) j--;
  return list[j]!;
}
