/**
 * What every event rule reads: the document, its compiled lexicon, its entity mentions as
 * participant candidates, and the status cues found once over the whole text.
 */
import { countryTable, inferCountries } from '../entities/countries.js';
import type { Doc, EntityType, Statement, EventType, Status } from '../core/types.js';
import type { Span } from '../core/span.js';
import { eventLexicon, type EventLexicon, type StatusCueEntry, type TriggerInfo } from './lexicon.js';

export interface Candidate {
  start: number;
  end: number;
  local: string;
  type: EntityType;
  kind: string;
  /** A place with a government of its own: it can stand for that government as a party. */
  country: boolean;
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
  cues: CueHit[];
  /** Statement whose content holds an offset (smallest first). */
  statementAt: (offset: number) => Statement | null;
}

export function buildContext(doc: Doc): EventContext {
  const lex = eventLexicon();
  const localType = new Map(doc.locals.map((l) => [l.id, l.type]));
  const table = countryTable(inferCountries(doc.text));
  const countries = new Set(doc.locals.filter((l) => l.type === 'place' && table.get(l.name)).map((l) => l.id));
  // Whom a statement is told to ("told reporters", "assured lawmakers") listens; that is no part
  // in the events the statement speaks of.
  const addressees = doc.statements.flatMap((s) => (s.addressee ? [s.addressee.span] : []));
  const candidates: Candidate[] = [];
  for (const m of doc.mentions) {
    if (!m.local) continue;
    if (addressees.some((a) => m.span.start >= a.start && m.span.end <= a.end)) continue;
    const type = localType.get(m.local) ?? m.type;
    candidates.push({ start: m.span.start, end: m.span.end, local: m.local, type, kind: m.kind, country: countries.has(m.local) });
  }
  candidates.sort((a, b) => a.start - b.start);
  const cues: CueHit[] = [];
  lex.cueRe.lastIndex = 0;
  for (let m = lex.cueRe.exec(doc.text); m; m = lex.cueRe.exec(doc.text)) {
    const entry = lex.cueOfMatch(m);
    if (entry) cues.push({ start: m.index, end: m.index + m[0].length, entry });
  }
  const statements = [...doc.statements].sort((a, b) => a.content.end - a.content.start - (b.content.end - b.content.start));
  return {
    doc,
    lex,
    candidates,
    cues,
    statementAt: (o) => statements.find((s) => s.content.start <= o && o < s.content.end) ?? null,
  };
}
