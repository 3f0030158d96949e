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
 */
import type { Doc, LocalEntity, Mention, EntityType } from '../core/types.js';
import { lastWord } from '../text/fold.js';

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
}

const ROLE_EQUIV: Record<string, string[]> = {
  leader: ['president', 'prime minister', 'king', 'chancellor', 'premier', 'emir', 'leader'],
  president: ['president'],
};

export function resolveLocal(doc: Doc): void {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const bySurname = new Map<string, Cluster[]>();
  const byFirst = new Map<string, Cluster[]>();
  const text = doc.text;
  const mentions = [...doc.mentions].sort((a, b) => a.span.start - b.span.start);
  const speakerMention = new Set(doc.statements.map((s) => s.speaker.mention).filter((x): x is string => !!x));
  const sentenceOf = sentenceIndexer(doc);

  const make = (m: Mention, key: string, fullName: boolean): Cluster => {
    const local: LocalEntity = { id: `l${clusters.length + 1}`, name: displayName(text, m), type: m.type, aliases: [], roles: [], affiliation: null, mentions: [] };
    const c: Cluster = { local, key, gender: null, plural: !!m.plural, last: -1, count: 0, speakerLast: -1, fullName, positions: [], speakerPositions: [] };
    clusters.push(c);
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
    if (m.affiliation && !l.affiliation) l.affiliation = m.affiliation;
    if (l.type === 'unknown' && m.type !== 'unknown' && m.kind !== 'pronoun') l.type = m.type;
    if (m.gender && !c.gender) c.gender = m.gender;
    c.last = Math.max(c.last, m.span.start);
    c.count++;
    c.positions.push(m.span.start);
    if (speakerMention.has(m.id)) {
      c.speakerLast = Math.max(c.speakerLast, m.span.start);
      c.speakerPositions.push(m.span.start);
    }
  };

  // Pass 1: full names first, so a surname seen before the full name still finds it.
  for (const m of mentions) {
    if (m.kind !== 'name' && m.kind !== 'metonym') continue;
    const multi = m.key.includes(' ');
    if ((m.type === 'person' || m.type === 'unknown') && multi && !byKey.has(m.key)) make(m, m.key, true);
  }
  const pending: Mention[] = [];
  for (const m of mentions) {
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
  for (const m of pending) {
    if (m.kind === 'pronoun') {
      const c = resolvePronoun(m, clusters, sentenceOf, isFirstInSentence);
      if (c) join(c, m);
      continue;
    }
    // Apposition with a neighbouring name: "X, the spokeswoman," or "the envoy, X,".
    const i = byStart.get(m.id)!;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const appositive = (n: Mention | undefined, a: number, b: number): boolean =>
      !!n && n.kind === 'name' && !!n.local && (n.type === 'person' || n.type === 'unknown') && /^\s*,\s*$/.test(text.slice(a, b)) && !m.plural;
    let c: Cluster | undefined;
    if (appositive(prev, prev?.span.end ?? 0, m.span.start)) c = clusters.find((x) => x.local.id === prev!.local);
    else if (appositive(next, m.span.end, next?.span.start ?? 0)) c = clusters.find((x) => x.local.id === next!.local);
    if (!c && m.kind === 'description' && !m.plural) c = resolveDescription(m, clusters);
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

function shortName(m: Mention, bySurname: Map<string, Cluster[]>, byFirst: Map<string, Cluster[]>): Cluster | undefined {
  const cands = (bySurname.get(lastWord(m.key)) ?? []).filter((c) => genderFits(c, m.gender));
  if (cands.length === 1) return cands[0];
  if (cands.length > 1) {
    // The most recent one before the mention, else the most mentioned.
    const before = cands.filter((c) => c.last >= 0 && c.last < m.span.start).sort((a, b) => b.last - a.last);
    return before[0] ?? cands[0];
  }
  const firsts = (byFirst.get(m.key) ?? []).filter((c) => genderFits(c, m.gender));
  return firsts.length === 1 ? firsts[0] : undefined;
}

function resolveDescription(m: Mention, clusters: Cluster[]): Cluster | undefined {
  const role = m.roles[0];
  if (!role) return undefined;
  const wanted = ROLE_EQUIV[role] ?? [role];
  let best: Cluster | undefined;
  let bestScore = -Infinity;
  for (const c of clusters) {
    const last = lastBefore(c.positions, m.span.start);
    if (last < 0) continue;
    if (c.local.type !== 'person' || c.key.startsWith('desc:')) continue;
    if (!c.local.roles.some((r) => wanted.includes(r) || r.endsWith(` ${role}`))) continue;
    if (m.affiliation && c.local.affiliation && c.local.affiliation !== m.affiliation) continue;
    if (!genderFits(c, m.gender)) continue;
    const score = c.positions.filter((p) => p < m.span.start).length * 10 + last / 1e6 + (m.affiliation && c.local.affiliation === m.affiliation ? 100 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function resolvePronoun(m: Mention, clusters: Cluster[], sentenceOf: (o: number) => number, isFirstInSentence: (o: number) => boolean): Cluster | undefined {
  const here = sentenceOf(m.span.start);
  let best: Cluster | undefined;
  let bestScore = -Infinity;
  for (const c of clusters) {
    const last = lastBefore(c.positions, m.span.start);
    if (last < 0) continue;
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
