/**
 * Refiner: a narrated act belongs to the party who acts. "Brix walked away from the takeover on
 * Friday", told by the article, is Brix's `cancelled`: the claim keeps the article as its
 * source (nobody is quoted), and records Brix as its actor, so that conflicts can set it against
 * what Ardent says later. The actor is the subject of the status verb, not the first name in
 * the clause: "the deal between Ardent and Brix collapsed" has none (both are objects of
 * "between"), "the takeover was blocked by Norland" has Norland (the agent of a passive), and
 * "Norland's decision to block it" has Norland (the possessor of the act).
 * Runs last, once every draft has its status cue.
 */
import { ACT } from '../../core/vocabulary.js';
import type { Candidate, Draft, EventContext, Range } from '../context.js';
import { eventLexicon } from '../lexicon.js';


/** A word that makes the name after it an object, not the subject ("talks with Brix"). */
const PREPOSITION = /(?:^|[^\p{L}])(?:with|between|among|to|for|from|against|on|over|about|in|at|into|toward|towards|than|like|by|of|and)\s+(?:(?:the|a|an|its|his|her|their)\s+)?$/iu;
/** "... called off [last month] by [the] Norland [government]": the agent of a passive, a few words after the cue. */
const BY_AGENT = /^\s*(?:[\p{L}\d-]+\s+){0,2}by\s+(?:(?:the|then|former|outgoing)[\s-]+)*(?:\S+\s+){0,2}$/iu;
/** "Shareholders of Ardent approved": a genitive opening the clause speaks for its owner. */
const OPENING_OF = /^[\s"“]*(?:the\s+)?(?:\p{L}+\s+){1,2}of\s+(?:the\s+)?$/iu;
/** A relative or reported clause, or another subject, between name and cue: the name is no subject of the cue's verb. */
const OTHER_CLAUSE = /\b(?:who|which|that|whom|said|says|told|according|he|she|they)\b/iu;
/** "Brix's proposed takeover": the cue modifies a noun owned by whoever stands before "'s". */
const OWNER = /['’]s?\s+(?:[\p{L}$\d.,-]+\s+){0,3}$/u;
/** "the deal was put on hold": a passive with no agent; its subject is the event, and no one before it acts. */
const PASSIVE_BEFORE = /(?<![\p{L}])(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\p{L}+ly\s+)?$/iu;
/** How far (characters) a subject may stand before its verb's cue. */
const SUBJECT_REACH = 90;

/**
 * The candidate that acts on the status cue at `cue`, within `clause` of `text`: the agent of a
 * passive after the cue, else the nearest name before it that is not an object of a preposition
 * (a name opening the clause as "X of Y" counts for Y), passing over the objects of a causative
 * verb ("Venn ordered Brix and Ardent to abandon the deal": Venn acts). Null when no name is the subject.
 */
export function actingParty<C extends Pick<Candidate, 'start' | 'end' | 'local'>>(text: string, clause: Range, cue: Range, candidates: readonly C[]): C | null {
  const inClause = candidates.filter((c) => c.start >= clause.start && c.end <= clause.end);
  const agent = inClause.find((c) => c.start >= cue.end && BY_AGENT.test(text.slice(cue.end, c.start)));
  if (agent) return agent;
  if (PASSIVE_BEFORE.test(text.slice(clause.start, cue.start))) return null;
  const owner = OWNER.exec(text.slice(clause.start, cue.start));
  if (owner) {
    const at = clause.start + owner.index;
    return inClause.find((c) => Math.abs(c.end - at) <= 2) ?? null;
  }
  const before = inClause.filter((c) => c.end <= cue.start && cue.start - c.end <= SUBJECT_REACH).reverse();
  const { causativeBeforeRe } = eventLexicon();
  for (const c of before) {
    const lead = text.slice(clause.start, c.start);
    const gap = text.slice(c.end, cue.start);
    if (OTHER_CLAUSE.test(gap)) return null;
    // The object of "ordered" is told to act (a name joined to it by "and" is an object already).
    if (causativeBeforeRe.test(lead)) continue;
    if (!PREPOSITION.test(lead) || OPENING_OF.test(lead)) return c;
  }
  return null;
}

/**
 * Also for reported speech, where the claim stays its speaker's: the actor then tells whose act
 * the speaker reports ("the administration will hold off enforcing the order", said by Brix, is
 * no delay of Brix's own), which conflicts read to tell a side's change of course from news of
 * another's act.
 */
export function narratedActor(ctx: EventContext, drafts: Draft[]): Draft[] {
  for (const d of drafts) {
    if (d.stanceOf || !d.status || !ACT.has(d.status.status)) continue;
    const actor = actingParty(ctx.doc.text, d.clause, d.status.cue, ctx.candidatesIn(d.clause.start, d.clause.end + 1));
    if (actor) d.actor = actor.local;
  }
  return drafts;
}
