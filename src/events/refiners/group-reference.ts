/**
 * Refiner: "a meeting between the two leaders", "both sides agreed to a truce": a plural
 * phrase of group-refs.yml stands for the parties of the last event named before it (any
 * type: the two leaders of a call are the two leaders of the meeting it set up). Among the
 * events named in the last REACH characters, the salient one is the pair of parties named
 * most often so far (the story's topic), then the most recent. A question names no
 * antecedent. The group mention itself is no party. Runs before anaphora, which would
 * otherwise read the group as one party.
 */
import { groupPhrase, type GroupStands } from '../../text/mentions/group-phrase.js';
import { HEAD_ROLES } from '../../entities/canonical.js';
import type { Candidate, Draft, EventContext } from '../context.js';

const REACH = 1200;

/** How often a party must be named in the article to be one of "the two leaders". */
const MIN_MENTIONS = 2;

/** The two parties of a kind the article names most, each at least MIN_MENTIONS times; [] when unclear. */
function mostNamed(ctx: EventContext, d: Draft, stands: GroupStands): string[] {
  if (stands === 'parties') return [];
  // "The two leaders" are people who lead: a president, a prime minister (as the article titles them).
  const leads = new Set(ctx.doc.locals.filter((l) => l.roles.some((r) => HEAD_ROLES.has(r))).map((l) => l.id));
  const fits = (c: Candidate): boolean =>
    stands === 'people' ? c.type === 'person' && c.kind !== 'pronoun' && leads.has(c.local) : stands === 'countries' ? c.country : c.type === 'organization' && !c.country && !c.government;
  const count = new Map<string, number>();
  for (const c of ctx.candidates) if (fits(c) && d.info.participantTypes.has(stands === 'countries' ? 'country' : c.type)) count.set(c.local, (count.get(c.local) ?? 0) + 1);
  const ranked = [...count].filter(([, n]) => n >= MIN_MENTIONS).sort((a, b) => b[1] - a[1]);
  // A tie for second place leaves it unclear who "the two" are.
  if (ranked.length < 2 || (ranked.length > 2 && ranked[2]![1] === ranked[1]![1])) return [];
  return [ranked[0]![0], ranked[1]![0]];
}

export function groupReference(ctx: EventContext, drafts: Draft[]): Draft[] {
  const re = groupPhrase().search;
  const { text } = ctx.doc;
  const typeOf = new Map(ctx.doc.locals.map((l) => [l.id, l.type]));
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    // Searched within the clause only: a miss costs the clause, not the rest of the document.
    re.lastIndex = 0;
    const m = re.exec(text.slice(d.clause.start, d.clause.end));
    const hit = m ? { start: d.clause.start + m.index, end: d.clause.start + m.index + m[0].length } : null;
    if (!hit) continue;
    const g = hit;
    // The group phrase, and any other unnamed plural group of the clause ("once negotiators
    // had finished"), are not the parties the phrase stands for.
    const inGroup = new Set(
      ctx.candidates
        .filter((c) => (c.start < g.end && g.start < c.end) || (c.type === 'group' && c.kind !== 'name' && c.start >= d.clause.start && c.end <= d.clause.end))
        .map((c) => c.local),
    );
    const named = d.participants.filter((p) => !inGroup.has(p));
    if (named.length >= d.info.arity) {
      d.participants = named;
      continue;
    }
    // Parties named as such (with, between, the speaker's "we") complete the group; a name the clause only mentions does not.
    const namedAsParty = !/participants-clause/.test(d.rule) || /\+speaker/.test(d.rule);
    const stands = groupPhrase().stands(text.slice(g.start, g.end));
    // "the two steelmakers" stand for companies, "the two leaders" for people, "the two nations"
    // for countries (group-refs `kindOnly`): an event of other parties is not theirs.
    const kindOnly = groupPhrase().kindOnly(text.slice(g.start, g.end));
    const fitsKind = (local: string): boolean => {
      const type = typeOf.get(local);
      if (!kindOnly) return true;
      if (stands === 'companies') return type === 'organization' || type === 'unknown';
      if (stands === 'people') return type !== 'organization' && type !== 'place';
      if (stands === 'countries') return type !== 'person';
      return true;
    };
    const count = new Map<string, number>();
    let best: Draft | null = null;
    let bestKey = '';
    for (let j = 0; j < i; j++) {
      const a = drafts[j]!;
      if (a.question || a.participants.length < 2 || a.participants.some((p) => inGroup.has(p)) || !a.participants.every((p) => fitsKind(p))) continue;
      const key = [...a.participants].sort().join('|');
      count.set(key, (count.get(key) ?? 0) + 1);
      // The named parties are among the group's, or complete it to the trigger's arity ("a trilat, the two leaders, plus myself").
      const outside = named.filter((p) => !a.participants.includes(p)).length;
      if (g.start - a.trigger.end > REACH || (outside > 0 && (!namedAsParty || a.participants.length + outside !== d.info.arity))) continue;
      if (!best || (count.get(key) ?? 0) >= (count.get(bestKey) ?? 0)) {
        best = a;
        bestKey = key;
      }
    }
    if (best) {
      // "a trilateral with the two presidents plus myself": the group's parties and the ones named.
      d.participants = namedAsParty ? [...new Set([...best.participants, ...named])] : [...best.participants];
      d.place ??= best.place;
      d.rule += '+group-reference';
    } else {
      // No event before it to stand for: "the two leaders" are the two people its article names
      // most, "both countries" the two countries; otherwise the phrase is no party of its own
      // and the story's event of its type completes it.
      const salient = named.length === 0 ? mostNamed(ctx, d, stands) : [];
      if (salient.length === 2) {
        d.participants = salient;
        d.rule += '+group-salient';
      } else {
        d.participants = named;
        d.group = true;
      }
    }
  }
  return drafts;
}
