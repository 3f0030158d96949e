/**
 * Within one document: mentions -> local entities. Passes, in order (each one reads what the
 * earlier ones built):
 *  1. names: full names by key; places and organizations by key.
 *  2. short names: a one-word name joins the full name whose surname (else first name) it is;
 *     "Mr. Vell" joins "Ada Vell" only if gender allows.
 *  3. appositions: "Ada Vell, the spokeswoman," / "Norland's envoy, Ida Marr," -> one entity.
 *  4. descriptions: "the spokeswoman", "the Norvish leader", "the president" -> the most salient
 *     earlier entity with that role (and affiliation); else an entity of their own.
 *  5. pronouns: he/she -> the latest gender-compatible person, preferring recent speakers and
 *     sentence subjects; they -> the latest group.
 * Then statement speakers and addressees take their mention's local.
 *
 * Before the passes, mentions are read against the countries the text shows (countries.ts):
 * a country the gazetteer does not know is a place, and its government when it speaks; its
 * bare adjective ("Norvian") is no mention; a country before an institution is an affiliation
 * ("US White House" -> White House); "Ada Vell of Norland", "a spokesman for the Harbour Board",
 * "in Talmis", "the port of Talmis" give affiliations and place types. Not entities: plural
 * phrases that stand for an event's parties ("the two leaders", "both governments": the events
 * stage reads them; they stay document-local placeholders) and "on its head". "His government" is the government of the person "his"
 * stands for; "the government" the latest government named.
 */
import type { Doc, LocalEntity, Mention, EntityType } from '../core/types.js';
import { fold, lastWord, nameKey } from '../text/fold.js';
import { mentionLexicon } from '../text/mentions/lexicon.js';
import { groupPhrase } from '../text/mentions/group-phrase.js';
import { countryTable, inferCountries, type CountryTable } from './countries.js';

interface Cluster {
  local: LocalEntity;
  key: string;
  gender: 'm' | 'f' | null;
  plural: boolean;
  /** Offsets of its mentions (for recency) and how many it has (salience). */
  last: number;
  count: number;
  speakerLast: number;
  positions: number[];
  speakerPositions: number[];
  fullName: boolean;
  /** Mentions with a title and no country ("President Vell"). */
  bareTitle: number;
}

const ROLE_EQUIV: Record<string, string[]> = {
  leader: ['president', 'prime minister', 'king', 'chancellor', 'premier', 'emir', 'leader'],
  president: ['president'],
};

/** Government nouns: a description with one stands for a government, not a person. */
const GOV_ROLES = new Set(['government', 'administration', 'authorities', 'regime', 'cabinet']);
/** Persons' roles whose plural without affiliation is a set of parties, not a group (also in canonical.ts). */
const PARTY_ROLES = new Set(['leader', 'president', 'prime minister', 'government', 'side', 'foreign minister']);
/** Affiliations that say nothing about whose ("Government spokeswoman"). */
const EMPTY_AFFILIATION = /^(?:government|state|administration|federal|official)$/i;
const SUBORDINATE = /(?:^|[\s,])(?:where|whereupon)\s+$/i;
/** "Sol said (clearly) (that) he ...": the pronoun is the subject of the speech verb just before it. */
const SPEECH_BEFORE = /(?<![\p{L}])(?:said|says|told\s+\p{L}+|added|insisted|stressed|noted|claimed|confirmed|believes|believed|thinks|thought|announced|made\s+clear|wrote|posted)(?:\s+\p{Ll}+ly)?(?:\s+that)?\s+$/u;
/** '"... went well," he said': the pronoun after a closed quotation speaks it; a person named inside is not it. */
const CLOSED_QUOTE = /[,!?]["”]\s*$/u;
const POSSESSIVE = /^(?:its|his|her|their|my|our|your)$/i;


/**
 * Reads mentions against the text's countries and surroundings (see the header); returns the
 * ids of mentions that are no entity.
 */
function prepareMentions(doc: Doc, mentions: Mention[], countries: CountryTable, speakers: Set<string>): { skip: Set<string>; parties: Set<string> } {
  const lex = mentionLexicon();
  const text = doc.text;
  const skip = new Set<string>();
  const parties = new Set<string>();
  const party = groupPhrase().whole;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const written = text.slice(m.span.start, m.span.end);
    const before = text.slice(Math.max(0, m.span.start - 12), m.span.start);
    const after = text.slice(m.span.end, m.span.end + 60);
    if (m.kind === 'name' || m.kind === 'metonym') {
      const name = m.name ?? written;
      const c = !m.roles.length ? countries.get(name) : undefined;
      if (c?.inferred) {
        // The adjective alone ("Norvian"), not a mention.
        if (c.demonym && c.demonym.toLowerCase() === name.toLowerCase()) {
          skip.add(m.id);
          continue;
        }
        if (speakers.has(m.id)) {
          m.kind = 'metonym';
          m.type = 'organization';
          m.affiliation = c.government;
        } else if (m.type === 'unknown') m.type = 'place';
        continue;
      }
      // "US White House": a country before an institution is its affiliation.
      const split = m.type !== 'person' || !m.roles.length ? countries.splitPrefix(name) : null;
      const inst = split?.rest ? lex.institution.get(split.rest.toLowerCase()) : undefined;
      if (split && inst) {
        m.name = inst.name;
        m.key = nameKey(inst.name);
        m.type = 'organization';
        m.affiliation = split.country.government;
        continue;
      }
      // "in Talmis", "the port of Talmis": a place.
      if (m.type === 'unknown' && !m.key.includes(' ') && /(?:^|\s)(?:in|at|near|outside|port of|city of|town of|capital of)\s+$/i.test(before) && !/^['’]s\b/.test(after)) m.type = 'place';
      // "Norvian government spokeswoman Ada Vell": the government's.
      const gc = m.type === 'person' && m.affiliation && /\bgovernment\s+\p{L}/iu.test(written) ? countries.get(m.affiliation) : undefined;
      if (gc) m.affiliation = gc.government;
      // "President Ada Vell of Norland": the country after the name.
      if (m.type === 'person' && !m.affiliation) {
        const of = /^,?\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})/u.exec(after);
        let oc: ReturnType<CountryTable['get']>;
        const ws = of ? of[1]!.split(/\s+/) : [];
        for (let k = ws.length; k >= 1 && !oc; k--) {
          const w = ws.slice(0, k).join(' ');
          oc = countries.get(w) ?? countries.get(w.replace(/\.$/, ''));
        }
        if (oc) m.affiliation = oc.name;
      }
      continue;
    }
    if (m.kind !== 'description' && m.kind !== 'anonymous') continue;
    // "a Norvian government spokesman": the government's.
    const gc = m.affiliation && /\bgovernment\s+\p{L}/iu.test(written) ? countries.get(m.affiliation) : undefined;
    if (gc) m.affiliation = gc.government;
    const det = /^(\S+)\s/.exec(written)?.[1] ?? '';
    // "on its head", "shook his head": a body part.
    if (POSSESSIVE.test(det) && /\bhead$/i.test(written)) {
      skip.add(m.id);
      continue;
    }
    if (m.plural && !m.affiliation && (party.test(written) || PARTY_ROLES.has(m.roles[0] ?? ''))) {
      parties.add(m.id);
      continue;
    }
    // "Ada Vell, a spokesman for the Harbour Board": the organization is the affiliation.
    const next = mentions[i + 1];
    if (!m.affiliation && next && (next.type === 'organization' || next.type === 'unknown') && next.kind === 'name' && /^\s+(?:for|of|at)\s+(?:the\s+)?$/i.test(text.slice(m.span.end, next.span.start))) {
      m.affiliation = next.name ?? text.slice(next.span.start, next.span.end);
    }
  }
  return { skip, parties };
}

export function resolveLocal(doc: Doc): void {
  const clusters: Cluster[] = [];
  const clusterById = new Map<string, Cluster>();
  const governments = new Set<Cluster>();
  const byKey = new Map<string, Cluster>();
  const bySurname = new Map<string, Cluster[]>();
  const byFirst = new Map<string, Cluster[]>();
  const text = doc.text;
  const mentions = [...doc.mentions].sort((a, b) => a.span.start - b.span.start);
  const speakerMention = new Set(doc.statements.map((s) => s.speaker.mention).filter((x): x is string => !!x));
  const sentenceOf = sentenceIndexer(doc);
  const lex = mentionLexicon();
  const countries = countryTable(inferCountries(text, lex), lex);
  const { skip, parties } = prepareMentions(doc, mentions, countries, speakerMention);

  const make = (m: Mention, key: string, fullName: boolean): Cluster => {
    const local: LocalEntity = { id: `l${clusters.length + 1}`, name: displayName(text, m), type: m.type, aliases: [], roles: [], affiliation: null, mentions: [] };
    const c: Cluster = { local, key, gender: null, plural: !!m.plural, last: -1, count: 0, speakerLast: -1, fullName, positions: [], speakerPositions: [], bareTitle: 0 };
    clusters.push(c);
    clusterById.set(local.id, c);
    if (key.startsWith('gov:')) governments.add(c);
    byKey.set(key, c);
    if (fullName) {
      const words = key.split(' ');
      push(bySurname, words[words.length - 1]!, c);
      push(byFirst, words[0]!, c);
    }
    return c;
  };
  const join = (c: Cluster, m: Mention): void => {
    m.local = c.local.id;
    const l = c.local;
    l.mentions.push(m.id);
    if (m.kind === 'name' && m.name && !l.aliases.includes(m.name)) l.aliases.push(m.name);
    // "Mr. Vell", "President Vell": the name with one honorific or title word is a form seen too.
    if (m.kind === 'name' && m.name && m.type === 'person') {
      const written = text.slice(m.span.start, m.span.end);
      if (written !== m.name && written.endsWith(m.name) && /^\S+\s+$/.test(written.slice(0, written.length - m.name.length)) && !l.aliases.includes(written)) l.aliases.push(written);
    }
    if (m.kind === 'name' && m.name && m.name.split(/\s+/).length > l.name.split(/\s+/).length && m.type !== 'place') l.name = m.name;
    for (const r of m.roles) if (!l.roles.includes(r)) l.roles.push(r);
    if (m.affiliation && !l.affiliation && !EMPTY_AFFILIATION.test(m.affiliation)) l.affiliation = m.affiliation;
    // A country named with a later mention is a better affiliation than a portfolio word.
    else if (m.affiliation && l.affiliation && !countries.get(l.affiliation) && countries.get(m.affiliation) && m.type === 'person') l.affiliation = m.affiliation;
    if (l.type === 'unknown' && m.type !== 'unknown' && m.kind !== 'pronoun') l.type = m.type;
    if (m.gender && !c.gender) c.gender = m.gender;
    if (m.kind === 'metonym') governments.add(c);
    c.last = Math.max(c.last, m.span.start);
    c.count++;
    c.positions.push(m.span.start);
    if (m.kind === 'name' && m.roles.length && !m.affiliation) c.bareTitle++;
    if (speakerMention.has(m.id)) {
      c.speakerLast = Math.max(c.speakerLast, m.span.start);
      c.speakerPositions.push(m.span.start);
    }
  };

  // Pass 1: full names first, so a surname seen before the full name still finds it.
  for (const m of mentions) {
    if ((m.kind !== 'name' && m.kind !== 'metonym') || skip.has(m.id)) continue;
    const multi = m.key.includes(' ');
    if ((m.type === 'person' || m.type === 'unknown') && multi && !byKey.has(m.key)) make(m, m.key, true);
  }
  const pending: Mention[] = [];
  for (const m of mentions) {
    if (skip.has(m.id)) continue;
    if (m.kind === 'name' || m.kind === 'metonym') {
      let c = byKey.get(m.key);
      if (!c && (m.type === 'person' || m.type === 'unknown') && !m.key.includes(' ')) c = shortName(m, bySurname, byFirst);
      if (!c) c = make(m, m.key, false);
      join(c, m);
    } else pending.push(m);
  }
  // Person typing: a one-word unknown that joined a person is a person.
  for (const c of clusters) if (c.local.type === 'unknown' && c.fullName) c.local.type = 'person';

  const byStart = new Map(mentions.map((m, i) => [m.id, i]));
  const firstInSentence = new Set<number>();
  {
    let lastSentence = -1;
    for (const m of mentions) {
      const si = sentenceOf(m.span.start);
      if (si !== lastSentence) firstInSentence.add(m.span.start);
      lastSentence = si;
    }
  }
  const isFirstInSentence = (o: number): boolean => firstInSentence.has(o);
  /**
   * The government a government description stands for: "his government" (the person "his"
   * stands for), "the Norvian government" (the country's), "the government" (the latest one
   * named). Null when none is known (the description stands alone).
   */
  const governmentOf = (m: Mention): { cluster?: Cluster; key: string; name: string; affiliation: string } | null => {
    const written = text.slice(m.span.start, m.span.end);
    const det = /^(\S+)\s/.exec(written)?.[1]?.toLowerCase() ?? '';
    let country = m.affiliation ? countries.get(m.affiliation) : undefined;
    if (!country && /^(?:his|her)$/.test(det)) {
      const owner = resolvePronoun({ ...m, kind: 'pronoun', plural: false, gender: det === 'his' ? 'm' : 'f' }, clusters, sentenceOf, isFirstInSentence);
      if (!owner) return null;
      const oc = owner.local.affiliation ? countries.get(owner.local.affiliation) : undefined;
      if (oc) country = oc;
      else return { key: `gov:of:${owner.local.id}`, name: `${owner.local.name} government`, affiliation: owner.local.name };
    }
    if (country) {
      const key = `gov:${country.government}`;
      return { cluster: byKey.get(key), key, name: country.government, affiliation: country.name };
    }
    if (m.affiliation || !/^the$/.test(det)) return null;
    // "the government": the latest government named before it.
    let best: Cluster | undefined;
    let bestAt = -1;
    for (const c of governments) {
      const at = lastBefore(c.positions, m.span.start);
      if (at > bestAt) {
        best = c;
        bestAt = at;
      }
    }
    return best ? { cluster: best, key: best.key, name: best.local.name, affiliation: best.local.affiliation ?? '' } : null;
  };
  const mentionById = new Map(doc.mentions.map((m) => [m.id, m]));
  // '"He has called," Venn said': in one's own quoted words a third person is someone else.
  const quotedSpeaker = (m: Mention): Cluster | undefined => {
    const s = doc.statements.find((x) => x.kind === 'direct' && x.content.start <= m.span.start && m.span.end <= x.content.end);
    const local = s?.speaker.mention ? mentionById.get(s.speaker.mention)?.local : undefined;
    return local ? clusterById.get(local) : undefined;
  };
  for (const m of pending) {
    if (m.kind === 'pronoun') {
      const c = resolvePronoun(m, clusters, sentenceOf, isFirstInSentence, text, quotedSpeaker(m));
      if (c) join(c, m);
      continue;
    }
    // A set of parties ("the two leaders"): a placeholder of its own, which the events stage
    // reads as the parties of an event; no singular description joins it, and it becomes no
    // corpus entity (canonical.ts).
    if (parties.has(m.id)) {
      const pc = byKey.get(`party:${m.key}`) ?? make(m, `party:${m.key}`, false);
      pc.local.type = 'group';
      join(pc, m);
      continue;
    }
    // Apposition with a neighbouring name: "X, the spokeswoman," or "the envoy, X,".
    const i = byStart.get(m.id)!;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const clusterOf = (id: string | null | undefined): Cluster | undefined => (id ? clusterById.get(id) : undefined);
    const appositive = (n: Mention | undefined, a: number, b: number): boolean =>
      !!n && n.kind === 'name' && !!n.local && (n.type === 'person' || n.type === 'unknown') && clusterOf(n.local)?.local.type !== 'place' &&
      /^\s*,\s*$/.test(text.slice(a, b)) && !m.plural && !GOV_ROLES.has(m.roles[0] ?? '');
    let c: Cluster | undefined;
    if (appositive(prev, prev?.span.end ?? 0, m.span.start)) c = clusterOf(prev!.local);
    else if (appositive(next, m.span.end, next?.span.start ?? 0)) c = clusterOf(next!.local);
    if (!c && GOV_ROLES.has(m.roles[0] ?? '') && !m.plural) {
      const g = governmentOf(m);
      if (g) {
        c = g.cluster ?? byKey.get(g.key) ?? make(m, g.key, false);
        if (!g.cluster) {
          c.local.name = g.name;
          c.local.type = 'organization';
          c.local.affiliation ??= g.affiliation;
        }
      }
    }
    if (!c && m.kind === 'description' && !m.plural) c = resolveDescription(m, clusters, countries, sentenceOf, isFirstInSentence);
    if (!c) c = byKey.get(`desc:${m.key}`) ?? make(m, `desc:${m.key}`, false);
    join(c, m);
  }
  doc.locals = clusters.filter((c) => c.local.mentions.length > 0).map((c) => c.local);
  const kindOf = new Map(doc.mentions.map((m) => [m.id, m.kind]));
  for (const l of doc.locals) l.kinds = [...new Set(l.mentions.map((id) => kindOf.get(id)!).filter(Boolean))];
  const mentionLocal = new Map(doc.mentions.map((m) => [m.id, m.local]));
  for (const s of doc.statements) {
    if (s.speaker.mention) s.speaker.local = mentionLocal.get(s.speaker.mention) ?? null;
    if (s.addressee && s.addressee.local === null) {
      const am = doc.mentions.find((m) => m.span.start >= s.addressee!.span.start && m.span.end <= s.addressee!.span.end);
      s.addressee.local = am?.local ?? null;
    }
  }
}

/** The latest offset in `list` before `o`, or -1. */
function lastBefore(list: number[], o: number): number {
  let best = -1;
  for (const x of list) if (x < o && x > best) best = x;
  return best;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const a = map.get(k);
  if (a) a.push(v);
  else map.set(k, [v]);
}

function displayName(text: string, m: Mention): string {
  if (m.name) return m.name;
  return text.slice(m.span.start, m.span.end).replace(/^(?:the|a|an|one|two|three|several|some)\s+/i, '');
}

function genderFits(c: Cluster, g: 'm' | 'f' | null | undefined): boolean {
  return !g || !c.gender || c.gender === g;
}

/**
 * Initials a name was written with, which its key drops (`A. Vell` -> `a`; `J. R. Vell` -> `j`,
 * `r`). A short name joins a full name only if its first initial is that name's first letter:
 * `A. Vell` is not `Brix Vell`, and `T. R. Stone` is not `Ardent Stone`.
 */
function initialsFit(c: Cluster, m: Mention): boolean {
  const initial = fold(m.name ?? '').split(' ').find((w) => w.length === 1 && !/\d/.test(w));
  if (!initial) return true;
  return [c.local.name, ...c.local.aliases].some((n) => fold(n).startsWith(initial));
}

function shortName(m: Mention, bySurname: Map<string, Cluster[]>, byFirst: Map<string, Cluster[]>): Cluster | undefined {
  const cands = (bySurname.get(lastWord(m.key)) ?? []).filter((c) => genderFits(c, m.gender) && initialsFit(c, m));
  if (cands.length === 1) return cands[0];
  if (cands.length > 1) {
    // The most recent one before the mention, else the most mentioned.
    const before = cands.filter((c) => c.last >= 0 && c.last < m.span.start).sort((a, b) => b.last - a.last);
    return before[0] ?? cands[0];
  }
  const firsts = (byFirst.get(m.key) ?? []).filter((c) => genderFits(c, m.gender));
  return firsts.length === 1 ? firsts[0] : undefined;
}

/**
 * "the spokeswoman", "the Norvish leader", "the president": the most salient earlier person with
 * that role. A description with a nationality takes only a person of that country (else it
 * stands alone: its side is still right). A bare role when every candidate was named with a
 * country ("Norvish President Ada Vell", "Talmian President Ida Marr") is the article's own
 * unqualified one: the subject of this or the last sentence with no role and no country, when
 * more recent than them; else the candidate called by the bare title ("President Vell") most.
 */
function resolveDescription(m: Mention, clusters: Cluster[], countries: CountryTable, sentenceOf: (o: number) => number, isFirstInSentence: (o: number) => boolean): Cluster | undefined {
  const role = m.roles[0];
  if (!role) return undefined;
  const wanted = ROLE_EQUIV[role] ?? [role];
  const mGov = m.affiliation ? countries.get(m.affiliation)?.government ?? m.affiliation : null;
  const govOf = (c: Cluster): string | null => (c.local.affiliation ? countries.get(c.local.affiliation)?.government ?? c.local.affiliation : null);
  let best: Cluster | undefined;
  let bestScore = -Infinity;
  let candidates = 0;
  let foreign = 0;
  let bestLast = -1;
  for (const c of clusters) {
    const last = lastBefore(c.positions, m.span.start);
    if (last < 0) continue;
    if (c.local.type !== 'person' || c.key.startsWith('desc:')) continue;
    if (!c.local.roles.some((r) => wanted.includes(r) || r.endsWith(` ${role}`))) continue;
    const cGov = govOf(c);
    if (mGov && cGov !== mGov) continue;
    if (!genderFits(c, m.gender)) continue;
    candidates++;
    if (cGov && countries.get(c.local.affiliation!)) foreign++;
    const score = c.positions.filter((p) => p < m.span.start).length * 10 + last / 1e6 + c.bareTitle * 30;
    if (score > bestScore) {
      best = c;
      bestScore = score;
      bestLast = last;
    }
  }
  if (!mGov && candidates > 1 && foreign === candidates) {
    // The article's own: a recent sentence subject with no role and no country.
    const here = sentenceOf(m.span.start);
    let home: Cluster | undefined;
    let homeAt = -1;
    for (const c of clusters) {
      if (c.local.type !== 'person' || c.plural || c.local.roles.length || c.local.affiliation || !genderFits(c, m.gender)) continue;
      for (const p of c.positions) {
        if (p >= m.span.start || p <= homeAt || here - sentenceOf(p) > 1 || !isFirstInSentence(p)) continue;
        home = c;
        homeAt = p;
      }
    }
    if (home && homeAt > bestLast) return home;
  }
  return best;
}

/** `speaking`: whose direct quotation the pronoun stands in; a third-person pronoun there is not them. */
function resolvePronoun(m: Mention, clusters: Cluster[], sentenceOf: (o: number) => number, isFirstInSentence: (o: number) => boolean, text = '', speaking?: Cluster): Cluster | undefined {
  const here = sentenceOf(m.span.start);
  // "a visit by Ada Vell to Talmis, where he met ...": in a subordinate clause, a pronoun is
  // the one compatible person named earlier in its sentence.
  let inClause: Cluster | undefined;
  if (!m.plural && SUBORDINATE.test(text.slice(Math.max(0, m.span.start - 12), m.span.start))) {
    const here0 = clusters.filter((c) => !c.plural && c.local.type === 'person' && genderFits(c, m.gender) && c.positions.some((p) => p < m.span.start && sentenceOf(p) === here));
    if (here0.length === 1) inClause = here0[0];
  }
  // The subject of a speech verb right before the pronoun, in its sentence and with no comma between.
  let subject: Cluster | undefined;
  let quoted: { start: number; end: number } | null = null;
  if (!m.plural && text) {
    const before = text.slice(Math.max(0, m.span.start - 60), m.span.start);
    const sv = SPEECH_BEFORE.exec(before);
    if (sv) {
      const verbAt = m.span.start - (before.length - sv.index);
      let at = -1;
      for (const c of clusters) {
        const p = lastBefore(c.positions, verbAt);
        if (p > at && sentenceOf(p) === here && !/[,;:“"”]/u.test(text.slice(p, verbAt).replace(/^[^\s]*/u, ''))) {
          at = p;
          subject = c;
        }
      }
      if (subject && (subject.plural || subject.local.type !== 'person' || !genderFits(subject, m.gender))) subject = undefined;
    }
    // '"... went well," he said': the quotation that closes right before the pronoun.
    const close = CLOSED_QUOTE.exec(text.slice(Math.max(0, m.span.start - 6), m.span.start));
    if (close) {
      const qEnd = m.span.start - (Math.min(6, m.span.start) - close.index);
      const open = Math.max(text.lastIndexOf('"', qEnd - 1), text.lastIndexOf('“', qEnd - 1));
      if (open >= 0 && qEnd - open <= 420) quoted = { start: open, end: m.span.start };
    }
  }
  let best: Cluster | undefined;
  let bestScore = -Infinity;
  for (const c of clusters) {
    const last = lastBefore(c.positions, m.span.start);
    if (last < 0 || c === speaking) continue;
    const type: EntityType = c.local.type;
    if (m.plural) {
      if (!c.plural && type !== 'group' && type !== 'organization') continue;
    } else {
      if (c.plural || (type !== 'person' && type !== 'unknown')) continue;
      if (!genderFits(c, m.gender)) continue;
    }
    const dist = here - sentenceOf(last);
    if (dist > 4) continue;
    let score = -dist * 2;
    const spoke = lastBefore(c.speakerPositions, m.span.start);
    if (spoke >= 0 && here - sentenceOf(spoke) <= 2) score += 3;
    if (c.gender && c.gender === m.gender) score += 1;
    // The subject of its sentence (its first mention there) is the likelier antecedent.
    if (c.positions.some((p) => p < m.span.start && sentenceOf(p) === sentenceOf(last) && isFirstInSentence(p))) score += 1;
    score += Math.min(c.positions.length, 5) * 0.2 + last / 1e7;
    if (c === inClause) score += 4;
    if (c === subject) score += 5;
    // Named only inside the quotation the pronoun is said to speak: not its speaker.
    if (quoted && last >= quoted.start && !c.positions.some((p) => p < quoted!.start && here - sentenceOf(p) <= 2)) score -= 4;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function sentenceIndexer(doc: Doc): (o: number) => number {
  const starts = doc.sentences.map((s) => s.start);
  return (o) => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= o) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
}
