/**
 * Rule: who takes part. Three readings, most specific first:
 *  - "between A and B (and C)" after the trigger: exactly those;
 *  - "with A (and B)" / "to A" after the trigger: those, plus the agent (the first
 *    participant named before the trigger in the clause);
 *  - otherwise every participant named in the clause.
 * Only entity types the event type admits count (a meeting is between people, a truce
 * between countries); a place is where, not who. A possessor of something other than the
 * trigger ("Venn's aides believed") is no party; "Venn's call" keeps Venn. When "between"
 * names only parties of the wrong type ("talks between Norland and Ostrava Bay" for a
 * meeting of people), the clause is not searched instead.
 */
import type { Candidate, Draft, EventContext, Range } from '../context.js';
import { transactionArguments } from './arguments.js';

const JOIN = /^[\s,]*(?:and|&|as well as)?[\s,]*(?:(?:both|also|with|the)\s+)?$/iu;
const BETWEEN = /^\s*(?:[\p{L}-]+\s+){0,2}?between\s/iu;
const WITH = /^\s*(?:[\p{L}-]+\s+){0,1}?(?:with|to|including)\s/iu;

/** The preposition a trigger form ends in. */
const OWN_PREP = /\s(with|to|between)$/iu;
const EMPTY_MATCH = Object.assign([''], { index: 0, input: '' }) as RegExpExecArray;
/** A passive agent after the trigger: "the call with Sol was not conducted by Venn". */
const BY_AGENT = /^[^,;]{0,60}?\bby\s+(?:[\p{Ll}]+\s+){0,2}$/u;

const LOCATIVE = /(?<![\p{L}])(?:in|at|to|from|near|outside|inside)\s+(?:the\s+)?$/iu;
const ACCOUNT_AFTER = /^['’]?s?\s+(?:version|readout|read-out|account|statement|summary|transcript)(?![\p{L}])/iu;
/** "Kelmar-based Brix": the name before "-based" says where, not who. */
const BASED = /^[-‐–]based(?![\p{L}])/iu;
/** "Kelmar, May 2 (Agency)--": a dateline's agency reports the story, it takes no part in it. */
const DATELINE_AGENCY = /^\)\s*(?:--|[-‐–—])/u;

const POSSESSOR = /^['’]s?\s+(?:[\p{L}-]+\s+){0,2}/u;

/** Whether the trigger admits the candidate; a country only where it is named as a party. */
function admits(d: Draft, c: Candidate, asParty: boolean): boolean {
  // "the companies", "an American company": a transaction's party is one the story names; a
  // description that stands for no name leaves the party to be completed from the story.
  if (d.info.arguments && !c.named) return false;
  if (d.info.participantTypes.has(c.type)) return true;
  if (!asParty) return false;
  // Named as a party ("between Sol and Venn", "a Sol-Venn meeting"), a name the entity stage
  // could not type (a surname never given in full) takes part as what the event admits.
  return (c.country && d.info.participantTypes.has('country')) || (c.type === 'unknown' && c.kind === 'name' && !c.country);
}

const noPartyOf = new WeakMap<Candidate, boolean>();
/**
 * "talks in Kelmar", "flew to Kelmar": a city after a preposition of place is where, not who.
 * "the Kelmar version", "the Ostrelian side's readout": a source named on its account is no party.
 */
function noParty(text: string, c: Candidate): boolean {
  let v = noPartyOf.get(c);
  if (v === undefined) {
    v = (c.type === 'place' && !c.country && LOCATIVE.test(text.slice(Math.max(0, c.start - 8), c.start))) || ACCOUNT_AFTER.test(text.slice(c.end, c.end + 30)) || BASED.test(text.slice(c.end, c.end + 7)) || (text[c.start - 1] === '(' && DATELINE_AGENCY.test(text.slice(c.end, c.end + 4)));
    noPartyOf.set(c, v);
  }
  return v;
}

function inRange(ctx: EventContext, r: Range, d: Draft, asParty = false): Candidate[] {
  const speaker = d.statement?.speaker.span ?? null;
  const { text } = ctx.doc;
  return ctx.candidatesIn(r.start, r.end + 1).filter((c) => {
    if (c.start < r.start || c.end > r.end || !admits(d, c, asParty)) return false;
    if (c.start < d.trigger.end && d.trigger.start < c.end) return false;
    if (speaker && c.start < speaker.end && speaker.start < c.end) return false;
    if (noParty(text, c)) return false;
    const pos = POSSESSOR.exec(text.slice(c.end, c.end + 40));
    // A possessor: a party only when what it possesses is the trigger ("Sol's call with Venn").
    if (pos && !(d.trigger.start >= c.end && d.trigger.start <= c.end + pos[0].length + 1)) return false;
    return true;
  });
}

/** What may stand between "with" and a country named as a party: "with Damaris", "with the United States". */
const COUNTRY_GAP = /^\s*(?:the\s+)?$/iu;

/**
 * Mentions listed from `from`: the first, then each joined to it by "and" or a comma. A
 * country that only counts as a party must follow at once ("a call dedicated to the war in
 * Ukraine" is not a call with Ukraine).
 */
function list(ctx: EventContext, cands: Candidate[], from: number, d: Draft): Candidate[] {
  const out: Candidate[] = [];
  let at = from;
  let closed = false;
  for (const c of cands) {
    if (c.start < at) continue;
    const gap = ctx.doc.text.slice(at, c.start);
    if (out.length === 0 && !d.info.participantTypes.has(c.type) && !COUNTRY_GAP.test(gap)) continue;
    // "between Sol and Venn, Reede ...": a list closed by "and" takes no more after a bare comma.
    if (out.length === 0 ? gap.length > 40 : !JOIN.test(gap) || (closed && !/\band\b|&/iu.test(gap))) break;
    if (/\band\b|&/iu.test(gap)) closed = true;
    out.push(c);
    at = c.end;
  }
  return out;
}

/** Between the last premodifying party and its noun: a possessive, at most one adjective ("Sol-Venn direct talks"). */
const PRE_GAP = /^(?:['’]s?)?\s+(?:[\p{Ll}-]+\s+)?$/u;
const PRE_JOIN = /^(?:\s*[-–—/]\s*|\s+and\s+)$/u;

/**
 * "a Sol-Venn meeting", "the Norland–Ostrava summit", "Sol and Venn's meeting": parties named
 * right before a noun trigger, joined by a hyphen, dash or "and", are exactly its parties.
 */
function premodifiers(ctx: EventContext, parties: Candidate[], d: Draft): Candidate[] {
  if (d.info.pos !== 'noun') return [];
  const { text } = ctx.doc;
  let i = parties.length - 1;
  while (i >= 0 && parties[i]!.end > d.trigger.start) i--;
  const last = parties[i];
  if (!last || d.trigger.start - last.end > 24 || !PRE_GAP.test(text.slice(last.end, d.trigger.start))) return [];
  const out = [last];
  for (let j = i - 1; j >= 0; j--) {
    const c = parties[j]!;
    if (!PRE_JOIN.test(text.slice(c.end, out[0]!.start))) break;
    out.unshift(c);
  }
  return out;
}

/** A clause cut at "and" before a new verb phrase ("met Sol and now expects to talk to Reede") shares the sentence's subject. */
const AND_BEFORE = /\sand\s+$/iu;
const SUBJECT_LEAD = /^[\s"“‘]*(?:[\p{L}\p{N}.,-]+\s+){0,4}$/u;

function sharedSubject(ctx: EventContext, d: Draft): Candidate | undefined {
  const { text } = ctx.doc;
  if (d.clause.start <= d.region.start || !AND_BEFORE.test(text.slice(d.clause.start - 8, d.clause.start))) return undefined;
  const first = inRange(ctx, d.region, d)[0];
  return first && first.end <= d.clause.start && SUBJECT_LEAD.test(text.slice(d.region.start, first.start)) ? first : undefined;
}

export function findParticipants(ctx: EventContext, d: Draft): void {
  if (d.info.contact) return;
  const { text } = ctx.doc;
  const cands = inRange(ctx, d.clause, d);
  // "between Ostrelia and Damaris", "with Damaris": there a country is named as a party.
  const parties = inRange(ctx, d.clause, d, true);
  const after = text.slice(d.trigger.end, Math.min(d.clause.end, d.trigger.end + 40));
  let picked: Candidate[] = [];
  let rule = 'clause';
  // A trigger that ends in its preposition ("meeting with", "spoke to", "call between") opens its objects at once.
  const own = OWN_PREP.exec(text.slice(d.trigger.start, d.trigger.end));
  const between = own ? (/^between$/iu.test(own[1]!) ? EMPTY_MATCH : null) : BETWEEN.exec(after);
  // "met Sol", "avoids meeting Sol": a verb (or its -ing form) with the party right after it.
  const direct = !own && (d.info.pos === 'verb' || /ing$/iu.test(text.slice(d.trigger.start, d.trigger.end)))
    && parties.some((c) => c.start >= d.trigger.end && /^\s+$/u.test(text.slice(d.trigger.end, c.start)));
  const withM = between ? null : own || direct ? EMPTY_MATCH : WITH.exec(after);
  if (between) {
    picked = list(ctx, parties, d.trigger.end + between[0].length, d);
    rule = 'between';
    // "between" named only parties of other types: no clause fallback.
    if (picked.length === 0 && ctx.candidatesIn(d.trigger.end + between[0].length, d.trigger.end + between[0].length + 4).length > 0) {
      d.participants = [];
      d.rule = `${d.rule}+participants-between`;
      return;
    }
  } else if (withM) {
    const objects = list(ctx, parties, d.trigger.end + withM[0].length, d);
    if (objects.length > 0) {
      // The agent is the nearest party before the trigger ("Sol had agreed to meet with Venn"),
      // a country when the object is one ("Ostrelia called off the summit with Damaris").
      const agents = objects.some((o) => !d.info.participantTypes.has(o.type)) ? parties : cands;
      const last = objects[objects.length - 1]!.end;
      const agent = [...agents].reverse().find((c) => c.end <= d.trigger.start && !objects.includes(c))
        ?? agents.find((c) => c.start >= last && BY_AGENT.test(text.slice(last, c.start)))
        ?? sharedSubject(ctx, d);
      picked = agent ? [agent, ...objects] : objects;
      rule = 'with';
    }
  }
  if (picked.length === 0) {
    const pre = premodifiers(ctx, parties, d);
    if (pre.length >= 2) {
      picked = pre;
      rule = 'premodifier';
    }
  }
  if (picked.length === 0) {
    picked = transactionArguments(ctx, parties, d);
    if (picked.length > 0) rule = 'arguments';
    // "opposed the takeover", "vowed to block the deal": a transaction named with "the" and no
    // arguments of its own is the story's; whoever the clause names acts on it, not in it.
    else if (d.info.arguments && d.definite) rule = 'definite';
    else if (!d.info.clause) rule = 'not-clause';
    else picked = cands;
  }
  // "Norland's Ardent Foods", "the sale of Brix to Norland's biggest grocer": beside a company,
  // a country is where it is from, not a party to its transaction.
  if (d.info.arguments && picked.some((c) => c.type === 'organization' && !c.country && !c.government)) {
    picked = picked.filter((c) => !c.country);
    // Read off the clause, a company's transaction leaves out the people the clause also names
    // ("Venn signed an order clearing Ardent's investment in Brix"): they act on it.
    if (rule === 'clause') picked = picked.filter((c) => c.type !== 'person' && !(c.type === 'place' && !c.country));
  }
  d.participants = [...new Set(picked.map((c) => c.local))];
  d.rule = `${d.rule}+participants-${rule}`;
}
