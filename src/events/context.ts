/**
 * What every event rule reads: the document, its compiled lexicon, its entity mentions as
 * participant candidates, and the status cues found once over the whole text.
 */
import { countryTable, inferCountries } from '../entities/countries.js';
import { GOV_ROLES } from '../entities/canonical.js';
import type { Doc, EntityType, Statement, EventType, Status } from '../core/types.js';
import type { Span } from '../core/span.js';
import { eventLexicon, type EventLexicon, type LemmaCue, type StatusCueEntry, type TriggerInfo } from './lexicon.js';
import type { Token } from '../core/types.js';
import { StartIndex } from '../core/start-index.js';

export interface Candidate {
  start: number;
  end: number;
  local: string;
  type: EntityType;
  kind: string;
  /** A place with a government of its own: it can stand for that government as a party. */
  country: boolean;
  /** The document names its entity ("the company" said of a company named before, a pronoun for a person named). */
  named: boolean;
  /** A government ("the Norvish government", "the Norvish administration"): it speaks for a country. */
  government: boolean;
}

export interface CueHit {
  start: number;
  end: number;
  entry: StatusCueEntry;
}

export interface Range {
  start: number;
  end: number;
}

/** An event mention while rules and refiners work on it. */
export interface Draft {
  type: EventType;
  info: TriggerInfo;
  trigger: Span;
  /** The sentence, narrowed to the statement content when the trigger is reported speech. */
  region: Range;
  /** The clause of the region around the trigger. */
  clause: Range;
  statement: Statement | null;
  participants: string[];
  place: string | null;
  /** "the meeting", "that bilateral", "such a summit": points back to an earlier event. */
  definite: boolean;
  question: boolean;
  rule: string;
  /** The status cues this draft owns (refiners/cue-owner); undefined: every cue of its clause. */
  cues?: CueHit[];
  /** Its parties are a plural phrase ("the two leaders") that no earlier event resolves. */
  group?: boolean;
  /** The party taking the stance in narration ("X refused to commit"), a local entity id. */
  stanceOf?: string;
  /** The party whose act the article narrates (refiners/narrated-actor), a local entity id. */
  actor?: string;
  /** Filled by the status rule. */
  status?: { status: Status; modality: 'asserted' | 'hedged' | 'conditional'; cue: CueHit; evidence: Range } | null;
  dropped?: boolean;
}

export interface EventContext {
  doc: Doc;
  lex: EventLexicon;
  candidates: Candidate[];
  /** The candidates starting in [lo, hi), in the order of `candidates`: a window, not a scan. */
  candidatesIn: (lo: number, hi: number) => Candidate[];
  /** The candidates ending in [lo, hi), in the order of `candidates`. */
  candidatesEndingIn: (lo: number, hi: number) => Candidate[];
  cues: CueHit[];
  /** The cues starting in [lo, hi), in the order of `cues`. */
  cuesIn: (lo: number, hi: number) => CueHit[];
  /** Statement whose content holds an offset (smallest first). */
  statementAt: (offset: number) => Statement | null;
}

/** "it" as a subject (a verb of saying, intending or acting follows), or "its". */
const ORG_PRONOUN = /(?<![\p{L}])(?:[Ii]ts|[Ii]t(?=\s+(?:would|will|is|was|has|had|could|can|may|might|should|plans?|planned|intends?|intended|expects?|expected|agreed|remains?|continues?|still|also|does|did|wants?|wanted|aims?)(?![\p{L}])))(?![\p{L}])/gu;

function endsInTrigger(name: string, lex: EventLexicon): boolean {
  const i = name.lastIndexOf(' ');
  // Most names end in a capitalized word that is no trigger's: look only at the few that are.
  return i > 0 && lex.triggerWords.has(name.slice(i + 1).toLowerCase()) && lex.trigger(name.slice(i + 1))?.pos === 'noun';
}

export function buildContext(doc: Doc): EventContext {
  const lex = eventLexicon();
  const localType = new Map(doc.locals.map((l) => [l.id, l.type]));
  const localName = new Map(doc.locals.map((l) => [l.id, l.name]));
  const table = countryTable(inferCountries(doc.text));
  const countries = new Set(doc.locals.filter((l) => l.type === 'place' && table.get(l.name)).map((l) => l.id));
  // Whom a statement is told to ("told reporters", "assured lawmakers") listens; that is no part
  // in the events the statement speaks of.
  const addressees = doc.statements.flatMap((s) => (s.addressee ? [s.addressee.span] : []));
  // A government described by its country ("the Norvish government") is named by it.
  const governments = new Set(doc.locals.filter((l) => l.affiliation && GOV_ROLES.has(l.roles[0] ?? '')).map((l) => l.id));
  const named = new Set(doc.locals.filter((l) => !l.kinds || l.kinds.some((k) => k === 'name' || k === 'metonym') || governments.has(l.id)).map((l) => l.id));
  const candidates: Candidate[] = [];
  for (const m of doc.mentions) {
    if (!m.local) continue;
    if (addressees.some((a) => m.span.start >= a.start && m.span.end <= a.end)) continue;
    // "the Harbour Deal", "the Kelmar Summit": a name ending in an event's own word names the
    // event, not a party to it.
    if (endsInTrigger(doc.text.slice(m.span.start, m.span.end), lex) || endsInTrigger(localName.get(m.local) ?? '', lex)) continue;
    const type = localType.get(m.local) ?? m.type;
    candidates.push({ start: m.span.start, end: m.span.end, local: m.local, type, kind: m.kind, country: countries.has(m.local), named: named.has(m.local), government: governments.has(m.local) });
  }
  // 'Ardent said it would buy Brix', 'Ardent said its bid stands': in a company's reported words
  // "it" and "its" are the company (the mention stage reads pronouns for people only).
  for (const s of doc.statements) {
    const local = s.speaker.local;
    if (!local || (localType.get(local) !== 'organization' && localType.get(local) !== 'group')) continue;
    const content = doc.text.slice(s.content.start, s.content.end);
    for (const m of content.matchAll(ORG_PRONOUN)) {
      const start = s.content.start + m.index;
      candidates.push({ start, end: start + m[0].length, local, type: localType.get(local)!, kind: 'pronoun', country: false, named: true, government: false });
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  const literal: CueHit[] = [];
  lex.cueRe.lastIndex = 0;
  for (let m = lex.cueRe.exec(doc.text); m; m = lex.cueRe.exec(doc.text)) {
    const entry = lex.cueOfMatch(m);
    if (entry) literal.push({ start: m.index, end: m.index + m[0].length, entry });
  }
  const cues = attributive(doc, mergeCues(literal, lemmaHits(doc, lex.lemmaCues))).filter((c) => !lex.cueElsewhere(c.entry, doc.text.slice(c.end, c.end + 40)));
  const statements = [...doc.statements].sort((a, b) => a.content.end - a.content.start - (b.content.end - b.content.start));
  // Only statements starting within the longest one's length before o can hold o; the window
  // keeps the smallest-first order, so the first that holds o is the one a full scan finds.
  const byStart = new StartIndex(statements, (s) => s.content.start);
  const candidateStarts = new StartIndex(candidates, (c) => c.start);
  const candidateEnds = new StartIndex(candidates, (c) => c.end);
  const cueStarts = new StartIndex(cues, (c) => c.start);
  const longest = statements.reduce((m, s) => Math.max(m, s.content.end - s.content.start), 0);
  return {
    doc,
    lex,
    candidates,
    candidatesIn: (lo, hi) => candidateStarts.within(lo, hi),
    candidatesEndingIn: (lo, hi) => candidateEnds.within(lo, hi),
    cues,
    cuesIn: (lo, hi) => cueStarts.within(lo, hi),
    statementAt: (o) => byStart.within(o - longest, o + 1).find((s) => s.content.start <= o && o < s.content.end) ?? null,
  };
}

const surfaceOf = (doc: Doc, t: Token): string => doc.text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'");
const lemmaOf = (doc: Doc, t: Token): string => t.lemma ?? surfaceOf(doc, t);
/** A word of a sequence matches a token by its lemma or by its very form ("closed:VERB" is that form only). */
const wordMatches = (doc: Doc, t: Token, words: ReadonlySet<string>): boolean => words.has(lemmaOf(doc, t)) || words.has(surfaceOf(doc, t));
const PUNCT = /^[\p{P}\p{S}]+$/u;

/** Where a lemma sequence matches from token i: the index of its last token, or -1. */
function matchSeq(doc: Doc, toks: readonly Token[], i: number, cue: LemmaCue): number {
  let k = i;
  for (let w = 0; w < cue.seq.length; w++) {
    const word = cue.seq[w]!;
    if (word.gap) {
      // The words after a gap, tried at each of the next few tokens (no punctuation between).
      const rest: LemmaCue = { seq: cue.seq.slice(w + 1), entry: cue.entry };
      for (let g = 0; g <= word.gap && k + g < toks.length; g++) {
        const t = toks[k + g]!;
        if (g > 0 && PUNCT.test(doc.text.slice(toks[k + g - 1]!.start, toks[k + g - 1]!.end))) return -1;
        // After a verb the gap is its object: a preposition there opens another phrase ("gains
        // made since the May agreement" made no agreement). After a noun it may be the noun's
        // own ("the agreement with Sol was reached").
        if (g > 0 && toks[i]!.pos === 'VERB' && ['ADP', 'SCONJ'].includes(toks[k + g - 1]!.pos ?? '') && surfaceOf(doc, toks[k + g - 1]!) !== 'to') return -1;
        const end = matchSeq(doc, toks, k + g, rest);
        if (end >= 0) return end;
        if (PUNCT.test(doc.text.slice(t.start, t.end))) return -1;
      }
      return -1;
    }
    const t = toks[k];
    if (!t || !wordMatches(doc, t, word.words) || (word.pos && t.pos !== word.pos)) return -1;
    // The words of a sequence follow one another within a sentence: a line break ends it.
    if (w > 0 && /\n/.test(doc.text.slice(toks[k - 1]!.end, t.start))) return -1;
    k++;
  }
  return k - 1;
}

/** Cues of `lemmas:` entries over the document's tokens: every inflection of each sequence. */
export function lemmaHits(doc: Doc, index: ReadonlyMap<string, readonly LemmaCue[]>): CueHit[] {
  const out: CueHit[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const lemma = lemmaOf(doc, t);
    const surface = surfaceOf(doc, t);
    const byLemma = index.get(lemma);
    const bySurface = surface === lemma ? undefined : index.get(surface);
    if (!byLemma && !bySurface) continue;
    let best: CueHit | null = null;
    for (const list of [byLemma, bySurface]) {
      for (const c of list ?? []) {
        const j = matchSeq(doc, toks, i, c);
        if (j >= 0 && (!best || toks[j]!.end > best.end)) best = { start: t.start, end: toks[j]!.end, entry: c.entry };
      }
    }
    if (best) out.push(best);
  }
  return out;
}

/**
 * Literal and lemma cues as one list without overlaps: the longer cue wins ("agreed to accept"
 * over "accept"); at equal length the literal form, which was written for that exact text.
 */
export function mergeCues(literal: CueHit[], lemma: CueHit[]): CueHit[] {
  if (lemma.length === 0) return literal;
  const all = [...literal.map((h) => ({ h, lit: true })), ...lemma.map((h) => ({ h, lit: false }))];
  all.sort((a, b) => b.h.end - b.h.start - (a.h.end - a.h.start) || Number(b.lit) - Number(a.lit) || a.h.start - b.h.start);
  // Kept cues never overlap, so sorted by start they are sorted by end too: the only one that
  // can overlap a new cue is the last to start before it ends (one binary search, not a scan).
  const kept: CueHit[] = [];
  for (const { h } of all) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < h.end) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    if (before && h.start < before.end) continue;
    kept.splice(lo, 0, h);
  }
  return kept;
}

/** A determiner or possessive before an attributive participle ("the agreed price", "its planned purchase"). */
const DETERMINER = /^(?:a|an|the|its|their|his|her|our|your|my|this|that|these|those|any|such)$/iu;
/** What cannot follow an attributive participle: the participle is a verb there ("planned to", "held talks"). */
const NOT_NOUN: ReadonlySet<string> = new Set(['ADP', 'PART', 'PUNCT', 'AUX', 'VERB', 'DET', 'PRON', 'CCONJ', 'SCONJ']);
const weakEntries = new WeakMap<StatusCueEntry, StatusCueEntry>();
/** How much a participle before a noun still says: less than any cue of its clause. */
const ATTRIBUTIVE_PRIORITY = 0.4;

/**
 * A one-word participle cue between a determiner (and an adverb) and a noun describes the noun,
 * it tells no news, nor does the first half of a compound ("closed-door talks"): "a privately
 * held firm" says nothing took place (no cue); "the proposed
 * acquisition", "its planned purchase", "the agreed price" name the thing by a stage it had
 * reached: in the article's narration that is only a name (no cue); in a source's words a weak
 * cue that any other cue of the clause outranks.
 */
function attributive(doc: Doc, cues: CueHit[]): CueHit[] {
  if (cues.length === 0 || doc.tokens.length === 0) return cues;
  const toks = doc.tokens;
  const out: CueHit[] = [];
  let ti = 0;
  for (const c of cues) {
    while (ti < toks.length && toks[ti]!.start < c.start) ti++;
    const t = toks[ti];
    // "closed-door talks", "agreed-upon terms": the first half of a compound modifier.
    const compound = /^-\p{L}/u.test(doc.text.slice(c.end, c.end + 2));
    if (!compound) {
      const one = t && t.start === c.start && t.end === c.end;
      const word = one ? doc.text.slice(t.start, t.end) : '';
      if (!one || !/(?:ed|en|eld|et|ne)$/iu.test(word)) {
        out.push(c);
        continue;
      }
      const next = toks[ti + 1];
      let p = ti - 1;
      if (p >= 0 && toks[p]!.pos === 'ADV') p--;
      const before = p >= 0 ? doc.text.slice(toks[p]!.start, toks[p]!.end) : '';
      const possessive = p >= 0 && /^['’]s?$/u.test(before);
      if (!next || NOT_NOUN.has(next.pos) || !(DETERMINER.test(before) || possessive) || /\n/.test(doc.text.slice(c.end, next.start))) {
        out.push(c);
        continue;
      }
    }
    if (c.entry.status === 'held') continue;
    let weak = weakEntries.get(c.entry);
    if (!weak) weakEntries.set(c.entry, (weak = { ...c.entry, id: `${c.entry.id}/attributive`, priority: Math.min(c.entry.priority, ATTRIBUTIVE_PRIORITY), standalone: false, onlyReported: true }));
    out.push({ ...c, entry: weak });
  }
  return out;
}
