/**
 * Rule: the status a clause asserts of its event. Every status cue in the clause is read
 * with what stands just before it: a negation flips it to its `negated` status (or silences
 * it: "could not have been postponed" asserts no postponement), a hedge weakens it, a
 * condition earlier in the region makes it conditional. The strongest cue (priority), then
 * the nearest to the trigger, decides. Cues that already carry their negation ("never
 * finalized") are not flipped again.
 */
import type { Modality, Status } from '../../core/types.js';
import { AGAINST_TRACK as AGAINST, NEGATIVE, denialOf } from '../../core/vocabulary.js';
import type { CueHit, Draft, EventContext, Range } from '../context.js';

/**
 * A condition after a cue against the event ("will not happen unless the pressure grows"): a
 * demand, not a denial, so the claim is conditional. A readiness with a proviso ("ready to meet,
 * provided there is an agenda") stays a proposal.
 */
const TRAILING_CONDITION = /(?<![\p{L}])(?:unless|only\s+if|provided(?:\s+that)?|as\s+long\s+as|on\s+condition\s+that)(?![\p{L}])/iu;
/** "as if", "even if" compare or concede: no condition ("making it sound as if he spoke with Sol"). */
const NOT_CONDITION = /(?<![\p{L}])(?:as|even)\s+if(?![\p{L}])/giu;
function conditionBefore(re: RegExp, before: string): boolean {
  return re.test(before) && re.test(before.replace(NOT_CONDITION, ' '));
}
/** How far before a cue (characters, within its clause) "I don't know that ..." reaches. */
const UNCERTAIN_REACH = 80;
/** A negation of the past: what "did not meet", "has never spoken to" deny took place. */
const PAST_NEGATION = /(?<![\p{L}])(?:(?:did|does|has|have|had|was|were)(?:\s*n['’]t|\s+not|\s+never)|never|not\s+yet)(?![\p{L}])/iu;
/** Words before a cue that still belong to it: a negation or hedge further back speaks of something else. */
const WINDOW_WORDS = 5;

export interface ReadCue {
  status: Status;
  modality: Exclude<Modality, 'questioned'>;
  /** A negated cue answers the premise ("never agreed"): it outranks the cue it answers. */
  priority: number;
}
const NEGATED_PRIORITY = 3;

/** The last few words before `at`, within the clause and not across a comma. */
/** How far (characters) before a cue a word of doubt still weakens it. */
const DOUBT_REACH = 80;

function windowBefore(text: string, clause: Range, at: number): string {
  const s = text.slice(Math.max(clause.start, at - 60), at);
  const cut = Math.max(s.lastIndexOf(','), s.lastIndexOf('('));
  const words = s.slice(cut + 1).trim().split(/\s+/);
  return words.slice(-WINDOW_WORDS).join(' ');
}

/**
 * The few words just before a cue, across a clause's start but not a sentence's: "threatened"
 * governs "to scrap the talks" even where the reported clause opens at "to".
 */
function intentBefore(text: string, at: number): string {
  const s = text.slice(Math.max(0, at - 50), at);
  const cut = Math.max(s.lastIndexOf('.'), s.lastIndexOf(';'), s.lastIndexOf('!'), s.lastIndexOf('?'), s.lastIndexOf(','));
  return s.slice(cut + 1).trim().split(/\s+/).slice(-4).join(' ');
}

/**
 * `floor`: where the previous cue ended. Words that belong to an earlier cue ("no longer
 * planned to meet") do not negate or hedge the next one.
 */
export function readCue(ctx: EventContext, clause: Range, region: Range, cue: CueHit, floor = clause.start, negatedNoun = false): ReadCue | null {
  const { text } = ctx.doc;
  const { lex } = ctx;
  const e = cue.entry;
  const win = windowBefore(text, { start: Math.max(clause.start, floor), end: clause.end }, cue.start);
  let status: Status = e.status;
  let modality: ReadCue['modality'] = 'asserted';
  let priority = e.priority;
  if (e.onlyReported && !ctx.statementAt(cue.start)) return null;
  if (lex.questionRe.test(win)) return null;
  // "I don't know that they'll meet", "not sure they will talk": the speaker leaves it open.
  if (matchWithin(sitesOf(ctx).uncertain, Math.max(clause.start, cue.start - UNCERTAIN_REACH), cue.start)) return { status: 'possible', modality: 'hedged', priority };
  const negated = lex.negationRe.test(win);
  const denied = underDenial(ctx, clause, cue.start);
  // "denied that it was never agreed": a double negative asserts nothing we can record.
  if (denied && negated) return null;
  if (negatedNoun || negated || denied) {
    // "did not meet" denies a past meeting; "if they do not meet", "won't meet" do not.
    if (e.onlyNegated && !negatedNoun && !denied && !PAST_NEGATION.test(win)) return null;
    // A negated negative ("could not have been postponed") asserts nothing we can record.
    if (!e.negated || NEGATIVE.has(e.status)) return null;
    status = e.negated;
    priority = Math.max(priority, NEGATED_PRIORITY);
  } else if (e.onlyNegated) return null;
  else if (lex.prospectiveWeaken[status] && lex.prospectiveRe.test(intentBefore(text, cue.start))) {
    // "vowed to block the deal", "would scrap the talks": a course announced, not yet taken.
    status = lex.prospectiveWeaken[status]!;
  }
  // The first hedge that matches: in the window, the cue itself, or (acrossComma) the clause a comma back.
  const hedge = lex.hedges.find((h) => (h.acrossComma ? h.re.test(text.slice(Math.max(clause.start, cue.start - DOUBT_REACH), cue.end)) : h.re.test(win) || h.re.test(text.slice(cue.start, cue.end))));
  if (hedge) {
    modality = 'hedged';
    status = (hedge.cueHedged && status === e.status ? e.hedged : undefined) ?? hedge.weaken[status] ?? status;
  } else if (conditionBefore(lex.conditionalRe, text.slice(region.start, cue.start)) || (AGAINST.has(status) && TRAILING_CONDITION.test(text.slice(cue.end, clause.end)))) {
    modality = 'conditional';
    status = lex.conditionalWeaken[status] ?? status;
  }
  return { status, modality, priority };
}

/**
 * What a verb of denial governs: the content of a statement whose cue is one ("Sol denied
 * that ..."), or a clause after "denied that", "dismissed reports of" in the same clause.
 */
/** Where the document says it does not know, and where it denies: found once per document. */
interface Sites {
  uncertain: Array<[number, number]>;
  denial: Array<[number, number]>;
  /** Statements whose cue is a verb of denial. */
  denying: Set<object>;
}
const sitesByDoc = new WeakMap<object, Sites>();

/** Every match of a global regex in the text, as [start, end). */
function allMatches(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function sitesOf(ctx: EventContext): Sites {
  let s = sitesByDoc.get(ctx.doc);
  if (s) return s;
  const { text, statements } = ctx.doc;
  const { lex } = ctx;
  const denying = new Set<object>();
  for (const st of statements) if (st.cue && lex.denialRe.test(text.slice(st.cue.start, st.cue.end))) denying.add(st);
  s = { uncertain: allMatches(lex.uncertainRe, text), denial: allMatches(lex.denialBeforeRe, text), denying };
  sitesByDoc.set(ctx.doc, s);
  return s;
}

/** A site wholly inside [from, to). */
function matchWithin(sites: Array<[number, number]>, from: number, to: number): boolean {
  for (const [a, b] of sites) {
    if (a >= to) return false;
    if (a >= from && b <= to) return true;
  }
  return false;
}

export function underDenial(ctx: EventContext, clause: Range, at: number): boolean {
  const sites = sitesOf(ctx);
  if (sites.denying.size > 0) {
    const st = ctx.statementAt(at);
    if (st && sites.denying.has(st)) return true;
  }
  return matchWithin(sites.denial, clause.start, at);
}

/** "no meeting in December had been agreed": a negative determiner on the trigger noun negates a cue after it. */
const NO_BEFORE = /(?<![\p{L}])(?:no|not\s+any|never\s+a)\s+(?:[\p{L}-]+\s+)?$/iu;
/** "had held no talks": a negative determiner between a cue and the noun it governs negates the cue. */
const NO_BETWEEN = /^\s+(?:no|not\s+any)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** "there have been no talks", "there was no call": the event is said not to exist. */
/** "there have been no (formal) talks", "no talks, let alone any agreement": the event is said not to exist. */
const NONE_EXISTS = /(?<![\p{L}])(?:there\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:no|not\s+any)|let\s+alone(?:\s+(?:any|an?))?)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** A status the rule reads off the trigger itself, not off a cue ("denied reports of talks"). */
function statusOfTrigger(d: Draft, id: string, status: Status, priority: number): CueHit {
  return { start: d.trigger.start, end: d.trigger.end, entry: { id, status, priority, standalone: false, onlyNegated: false, beforeNoun: true, onlyReported: false, subjectIsSource: false, forms: [], notBefore: [], patterns: [], lemmas: [] } };
}

export function findStatus(ctx: EventContext, d: Draft): void {
  let best: { hit: CueHit; read: ReadCue; dist: number } | null = null;
  const noNoun = d.info.pos === 'noun' && NO_BEFORE.test(ctx.doc.text.slice(Math.max(d.clause.start, d.trigger.start - 30), d.trigger.start));
  let floor = d.clause.start;
  let sawCue = false;
  for (const hit of ctx.cues) {
    // A cue may straddle the clause's start ("announced plans for" where the reported clause opens at "plans").
    if (hit.end <= d.clause.start) continue;
    if (hit.end > d.clause.end) break;
    const owned = !d.cues || d.cues.includes(hit);
    if (owned) sawCue = true;
    const negatedNoun = (noNoun && hit.start >= d.trigger.end) || (hit.end <= d.trigger.start && NO_BETWEEN.test(ctx.doc.text.slice(hit.end, d.trigger.start)));
    const read = owned ? readCue(ctx, d.clause, d.region, hit, floor, negatedNoun) : null;
    floor = hit.end;
    if (!read) continue;
    const dist = hit.end <= d.trigger.start ? d.trigger.start - hit.end : Math.max(0, hit.start - d.trigger.end);
    if (!best || read.priority > best.read.priority || (read.priority === best.read.priority && dist < best.dist)) {
      best = { hit, read, dist };
    }
  }
  // "dismissed reports of a deal with Sol", "denied reports of conversations": the event itself is denied.
  // "there have been no consultations": so is one said not to exist.
  const none = !best && !sawCue && d.info.pos === 'noun' && NONE_EXISTS.test(ctx.doc.text.slice(Math.max(d.clause.start, d.trigger.start - 60), d.trigger.start));
  // ("denied claims that they have not held talks" is a double negative: it asserts nothing we can record.)
  const doubleNegative = (): boolean => ctx.lex.negationRe.test(ctx.doc.text.slice(d.clause.start, d.trigger.start));
  if (!best && !sawCue && !d.info.implies && (none || (underDenial(ctx, d.clause, d.trigger.start) && !doubleNegative()))) {
    const status: Status = denialOf(d.type);
    best = { hit: statusOfTrigger(d, none ? 'none-exists' : 'denied', status, NEGATED_PRIORITY), read: { status, modality: 'asserted', priority: NEGATED_PRIORITY }, dist: 0 };
  }
  if (!best && d.info.implies) {
    const hit = statusOfTrigger(d, `implied/${d.info.entry}`, d.info.implies, 0);
    const read = readCue(ctx, d.clause, d.region, hit);
    best = read ? { hit, read, dist: 0 } : null;
  }
  if (!best) {
    d.status = null;
    return;
  }
  d.status = { status: best.read.status, modality: best.read.modality, cue: best.hit, evidence: d.clause };
}
