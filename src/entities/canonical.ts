/**
 * Across documents: one Entity per real-world actor. Local entities get a canonical key:
 *   - a metonym or a country speaking -> its government ('Norvish government'), and so does a
 *     government described by its country ("the Norvish government", "his government" of a
 *     Norvish minister); countries the gazetteer lacks are read from the texts (countries.ts);
 *   - a set of parties ("the two leaders") is no entity: it stays document-local;
 *   - a name -> its folded key (transliteration rules in text/fold.ts);
 *   - a description with no name -> 'desc:' + affiliation + role ("a Harbour Board official").
 * Keys are indexed, so each local is compared only with keys sharing its surname:
 *   1. exact key; 2. a user override; 3. a one-word name -> the unique full name with that
 *   surname; 4. a full name -> a full name with the same surname whose first name is a close
 *   spelling (same initial, edit distance <= 2).
 * An affiliation that is a person ("the Vell administration") takes that person's side.
 * Entity ids derive from the canonical name ('e-ada-vell'), so they are stable across runs.
 */
import type { Doc, Entity, EntityType, LocalEntity } from '../core/types.js';
import { nameKey, lastWord, slug } from '../text/fold.js';
import { mentionLexicon, type MentionLexicon } from '../text/mentions/lexicon.js';
import { affiliationChain } from './affiliation.js';
import { loadOverrides } from './overrides.js';
import { countryTable, inferCountries, mergeInferred, type CountryInfo, type CountryTable } from './countries.js';

/** Government nouns: "the Norvian government", "his administration" stand for a government. */
export const GOV_ROLES: ReadonlySet<string> = new Set(['government', 'administration', 'authorities', 'regime', 'cabinet']);
/** Roles whose plural with no affiliation is a set of parties (as in local.ts). */
const PARTY_ROLES = new Set(['leader', 'president', 'prime minister', 'government', 'side', 'foreign minister']);

export interface Canonical {
  entities: Entity[];
  entityOf: Map<string, Map<string, string>>;
}

interface Group {
  key: string;
  locals: Array<{ doc: string; local: LocalEntity }>;
  names: Map<string, number>;
  aliases: Set<string>;
  types: Map<EntityType, number>;
  roles: Set<string>;
  affiliations: Map<string, number>;
  override?: { name?: string; type?: EntityType; affiliation?: string[] };
}

export function canonicalize(docs: readonly Doc[]): Canonical {
  const lex = mentionLexicon();
  const ov = loadOverrides();
  // Countries the corpus shows though the gazetteer does not know them (countries.ts).
  const inferred = new Map<string, CountryInfo>();
  for (const doc of docs) mergeInferred(inferred, inferCountries(doc.text, lex));
  const countries = countryTable(inferred, lex);
  const groups = new Map<string, Group>();
  const assigned: Array<{ doc: string; local: LocalEntity; key: string }> = [];

  const localKey = (kindOf: Map<string, string>, l: LocalEntity): string => {
    const kinds = new Set<string | undefined>(l.kinds ?? l.mentions.map((id) => kindOf.get(id)));
    const lower = l.name.toLowerCase();
    const c = lex.country.get(lower) ?? lex.capital.get(lower) ?? countries.get(lower);
    if (kinds.has('metonym') && c) return `gov:${c.government}`;
    // A government described by its country ("the Norvian government", "his government").
    if (!kinds.has('name') && !kinds.has('metonym') && GOV_ROLES.has(l.roles[0] ?? '') && l.affiliation) {
      const gc = countries.get(l.affiliation);
      if (gc) return `gov:${gc.government}`;
    }
    for (const a of [l.name, ...l.aliases]) {
      const o = ov.mergeKey.get(nameKey(a));
      if (o) return `override:${o.id}`;
    }
    if (!kinds.has('name') && !kinds.has('metonym')) return `desc:${nameKey([l.affiliation ?? '', l.roles[0] ?? l.name].join(' '))}`;
    return nameKey(l.type === 'organization' || l.type === 'unknown' ? companyName(l.name, lex) : l.name);
  };

  for (const doc of docs) {
    const kindOf = new Map(doc.mentions.map((m) => [m.id, m.kind as string]));
    for (const l of doc.locals) {
      if (l.mentions.length === 0) continue;
      // A set of parties ("the two leaders", "both governments") is no actor of its own.
      if (l.type === 'group' && !l.affiliation && PARTY_ROLES.has(l.roles[0] ?? '')) continue;
      assigned.push({ doc: doc.id, local: l, key: localKey(kindOf, l) });
    }
  }
  // Index full names by surname to settle short names and spelling variants.
  const fullBySurname = new Map<string, Set<string>>();
  for (const a of assigned) {
    if (a.key.includes(':') || !a.key.includes(' ')) continue;
    if (a.local.type !== 'person' && a.local.type !== 'unknown') continue;
    const s = lastWord(a.key);
    if (!fullBySurname.has(s)) fullBySurname.set(s, new Set());
    fullBySurname.get(s)!.add(a.key);
  }
  const remap = new Map<string, string>();
  for (const [, keys] of fullBySurname) {
    const list = [...keys].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = list[i]!, b = list[j]!;
        if (ov.splitKey.has(a) || ov.splitKey.has(b)) continue;
        const fa = a.split(' ')[0]!, fb = b.split(' ')[0]!;
        if (fa[0] === fb[0] && editDistance(fa, fb) <= 2 && a.split(' ').length === b.split(' ').length) {
          remap.set(a, resolve(remap, b));
          break;
        }
      }
    }
  }
  for (const a of assigned) {
    let key = resolve(remap, a.key);
    if (!key.includes(':') && !key.includes(' ') && (a.local.type === 'person' || a.local.type === 'unknown') && !ov.splitKey.has(key)) {
      const fulls = new Set([...(fullBySurname.get(key) ?? [])].map((k) => resolve(remap, k)));
      if (fulls.size === 1) key = [...fulls][0]!;
    }
    a.key = key;
  }
  shortCompanyNames(assigned, ov.splitKey);
  describedByName(assigned);
  for (const a of assigned) {
    const key = a.key;
    let g = groups.get(key);
    if (!g) {
      g = { key, locals: [], names: new Map(), aliases: new Set(), types: new Map(), roles: new Set(), affiliations: new Map() };
      if (key.startsWith('override:')) {
        const o = ov.entries.find((e) => `override:${e.id}` === key);
        if (o) g.override = { name: o.name, type: o.type, affiliation: o.affiliation };
      }
      groups.set(key, g);
    }
    const l = a.local;
    g.locals.push({ doc: a.doc, local: l });
    g.names.set(l.name, (g.names.get(l.name) ?? 0) + 1);
    for (const al of l.aliases) g.aliases.add(al);
    g.aliases.add(l.name);
    g.types.set(l.type, (g.types.get(l.type) ?? 0) + 1);
    for (const r of l.roles) g.roles.add(r);
    if (l.affiliation) g.affiliations.set(l.affiliation, (g.affiliations.get(l.affiliation) ?? 0) + 1);
  }

  const entities: Entity[] = [];
  const entityOf = new Map<string, Map<string, string>>();
  const usedIds = new Set<string>();
  for (const g of [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const entity = buildEntity(g, countries);
    let id = `e-${slug(entity.name)}`;
    for (let n = 2; usedIds.has(id); n++) id = `e-${slug(entity.name)}-${n}`;
    usedIds.add(id);
    entity.id = id;
    entities.push(entity);
    for (const { doc, local } of g.locals) {
      if (!entityOf.has(doc)) entityOf.set(doc, new Map());
      entityOf.get(doc)!.set(local.id, id);
    }
  }
  sidesThroughPersons(entities, countries);
  return { entities, entityOf };
}

/**
 * An affiliation that is a person ("the Vell administration", "Vell's adviser") belongs to
 * that person's side. One map of person names and aliases, one look-up per entity.
 */
function sidesThroughPersons(entities: Entity[], countries: CountryTable): void {
  const person = new Map<string, Entity>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const a of [e.name, ...e.aliases]) {
      const k = nameKey(a);
      if (!person.has(k)) person.set(k, e);
      const last = lastWord(k);
      if (k.includes(' ') && !person.has(last)) person.set(last, e);
    }
  }
  for (const e of entities) {
    const tail = e.affiliation[e.affiliation.length - 1];
    if (!tail || e.affiliation.length !== 1 || countries.get(tail)) continue;
    const p = person.get(nameKey(tail.replace(/['’ʼ]s$/, '')));
    if (!p || p === e || !p.side || p.side === p.name) continue;
    e.affiliation = [p.side];
    e.side = p.side;
  }
}

function buildEntity(g: Group, countries: CountryTable): Entity {
  const gov = g.key.startsWith('gov:') ? g.key.slice(4) : null;
  let name = g.override?.name ?? gov ?? pickName(g);
  const type: EntityType = g.override?.type ?? (gov ? 'organization' : pickType(g));
  const roles = [...g.roles];
  // An affiliation inside a longer one counts for the longer ("Foreign Ministry" for "Norvian
  // Foreign Ministry"); then the most frequent, an institution first.
  const affs = [...g.affiliations.entries()];
  const credit = new Map(affs);
  for (const [a, n] of affs) {
    const longer = affs.find(([b]) => b !== a && b.toLowerCase().endsWith(` ${a.toLowerCase()}`));
    if (longer) {
      credit.set(longer[0], (credit.get(longer[0]) ?? 0) + n);
      credit.set(a, 0);
    }
  }
  const aff = [...credit.entries()].sort((a, b) => b[1] - a[1] || (isInstitution(b[0]) ? 1 : 0) - (isInstitution(a[0]) ? 1 : 0))[0]?.[0] ?? null;
  const chain = g.override?.affiliation ?? (gov ? [] : affiliationChain(aff, roles, type, name, countries));
  if (g.key.startsWith('desc:') && aff && !mentionsAffiliation(name, aff, countries)) name = `${aff} ${name}`;
  const aliases = [...g.aliases].filter((a) => a !== name);
  if (gov) for (const a of g.aliases) if (!aliases.includes(a)) aliases.push(a);
  return { id: '', name, type, aliases: aliases.filter((a) => a !== name), roles, affiliation: chain, side: chain[chain.length - 1] ?? name };
}

/** Whether a description already names its affiliation ("U.S. government" for United States). */
function mentionsAffiliation(name: string, aff: string, countries: CountryTable): boolean {
  if (name.toLowerCase().includes(aff.toLowerCase())) return true;
  const gov = countries.get(aff)?.government;
  if (!gov) return false;
  const words = name.split(/\s+/);
  for (let i = 0; i < words.length; i++) for (let k = 1; k <= 3 && i + k <= words.length; k++) {
    const w = words.slice(i, i + k).join(' ');
    if ((countries.get(w) ?? countries.get(w.replace(/s$/, '')))?.government === gov) return true;
  }
  return false;
}

function isInstitution(s: string): boolean {
  return mentionLexicon().institution.has(s.toLowerCase());
}

function pickName(g: Group): string {
  const all = [...g.names.entries()];
  const words = (s: string): number => s.split(/\s+/).length;
  all.sort((a, b) => Math.min(words(b[0]), 3) - Math.min(words(a[0]), 3) || b[1] - a[1] || b[0].length - a[0].length);
  return all[0]?.[0] ?? g.key;
}

function pickType(g: Group): EntityType {
  const t = [...g.types.entries()].filter(([k]) => k !== 'unknown').sort((a, b) => b[1] - a[1])[0]?.[0];
  if (t) return t;
  return g.key.includes(' ') && !g.key.includes(':') ? 'person' : 'unknown';
}

/**
 * "Ardent" for Ardent Foods: a one-word name that is the first word of exactly one company's
 * name in the corpus is that company (a company is shortened from its end, a person to a
 * surname, which the index above settles).
 */
function shortCompanyNames(assigned: Array<{ doc: string; local: LocalEntity; key: string }>, split: ReadonlySet<string>): void {
  // First word -> full company keys, in the corpus and in each article: the article that names
  // "Ardent Foods" settles its own "Ardent" even when another article names "Ardent Radio".
  const byFirst = new Map<string, Set<string>>();
  const add = (k: string, full: string): void => {
    const set = byFirst.get(k) ?? new Set<string>();
    set.add(full);
    byFirst.set(k, set);
  };
  for (const a of assigned) {
    if (a.local.type !== 'organization' || a.key.includes(':') || !a.key.includes(' ')) continue;
    const first = a.key.slice(0, a.key.indexOf(' '));
    add(first, a.key);
    add(`${a.doc}\u0000${first}`, a.key);
  }
  const articles = new Map<string, number>();
  for (const a of assigned) if (a.local.type === 'organization') articles.set(a.key, (articles.get(a.key) ?? 0) + 1);
  for (const a of assigned) {
    if (a.key.includes(':') || a.key.includes(' ') || split.has(a.key) || (a.local.type !== 'organization' && a.local.type !== 'unknown')) continue;
    const fulls = byFirst.get(`${a.doc}\u0000${a.key}`) ?? byFirst.get(a.key);
    if (!fulls) continue;
    // Across the corpus, the company the story names in DOMINANCE times as many articles as any
    // other of that first word ("Ardent" in a story of Ardent Foods that once names Ardent Radio).
    const ranked = [...fulls].sort((x, y) => (articles.get(y) ?? 0) - (articles.get(x) ?? 0));
    const [top, next] = ranked;
    if (top && (!next || (articles.get(top) ?? 0) >= DOMINANCE * (articles.get(next) ?? 0))) a.key = top;
  }
}
const DOMINANCE = 3;

/** Roles that all name the one who leads a government ("the Norvish leader" is its president). */
export const HEAD_ROLES: ReadonlySet<string> = new Set(['president', 'leader', 'prime minister', 'premier', 'chancellor', 'head of state', 'head of government']);
const sameRole = (a: string, b: string): boolean => a === b || (HEAD_ROLES.has(a) && HEAD_ROLES.has(b));

/**
 * "the Norvish president", "the Norvish leader" in an article that names Norland's president is
 * that person: a description of a person with a role and an affiliation takes the key of the one
 * person named in the same article with that role and affiliation (the affiliation read from
 * any article that gives it). Two candidates, or none, leave the description as it is.
 */
function describedByName(assigned: Array<{ doc: string; local: LocalEntity; key: string }>): void {
  // A person's roles and affiliations as any article gives them ("Norvian President Ilse Varga"
  // once is enough for "Varga" alone elsewhere).
  const affOf = new Map<string, Set<string>>();
  const rolesOf = new Map<string, Set<string>>();
  for (const a of assigned) {
    if (a.key.includes(':') || a.local.type !== 'person') continue;
    if (a.local.affiliation) {
      const set = affOf.get(a.key) ?? new Set<string>();
      set.add(a.local.affiliation.toLowerCase());
      affOf.set(a.key, set);
    }
    const roles = rolesOf.get(a.key) ?? new Set<string>();
    for (const r of a.local.roles) roles.add(r);
    rolesOf.set(a.key, roles);
  }
  const byDoc = new Map<string, Array<{ doc: string; local: LocalEntity; key: string }>>();
  for (const a of assigned) {
    const l = byDoc.get(a.doc);
    if (l) l.push(a);
    else byDoc.set(a.doc, [a]);
  }
  for (const a of assigned) {
    const role = a.local.roles[0];
    const aff = a.local.affiliation?.toLowerCase();
    if (!a.key.startsWith('desc:') || a.local.type !== 'person' || !role || !aff) continue;
    const keys = new Set<string>();
    for (const b of byDoc.get(a.doc) ?? []) {
      if (b.key.includes(':') || b.local.type !== 'person' || ![...(rolesOf.get(b.key) ?? [])].some((r) => sameRole(r, role))) continue;
      if (b.local.affiliation?.toLowerCase() === aff || affOf.get(b.key)?.has(aff)) keys.add(b.key);
    }
    if (keys.size === 1) a.key = [...keys][0]!;
  }
}

/**
 * A company's name as it is compared across articles: without its legal form or its country ("Ardent Foods
 * Corp." is Ardent Foods) and with a country abbreviation written out ("U.S. Ardent", "US
 * Ardent" and "United States Ardent" are one), initials closed up first ("U. S.").
 */
export function companyName(name: string, lex: Pick<MentionLexicon, 'legalForm' | 'country' | 'orgStart'>): string {
  const words = name.replace(/\b(\p{Lu})\.\s+(?=\p{Lu}\.)/gu, '$1.').split(/\s+/);
  // "Ardent Foods of Norland" is Ardent Foods; "Central Bank of Norland" stays whole: there an
  // institution is named by its country.
  const of = words.length - 2;
  if (of >= 2 && words[of] === 'of' && lex.country.has(words[of + 1]!.toLowerCase()) && !lex.orgStart.has(words[of - 1]!)) words.splice(of);
  while (words.length > 1 && lex.legalForm.has(words[words.length - 1]!.replace(/[.,]+$/, '').toLowerCase())) words.pop();
  if (words.length > 1 && words[words.length - 1]!.endsWith(',')) words[words.length - 1] = words[words.length - 1]!.slice(0, -1);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const c = lex.country.get(words.slice(0, n).join(' ').toLowerCase());
    if (c) return [c.name, ...words.slice(n)].join(' ');
  }
  return words.join(' ');
}

function resolve(map: Map<string, string>, k: string): string {
  let x = k;
  for (let i = 0; i < 8 && map.has(x); i++) x = map.get(x)!;
  return x;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
