/**
 * The typed records that flow through the pipeline. Each stage reads a Doc and adds to it;
 * corpus stages (entities, event clustering, conflicts) read all Docs and build a Ledger.
 * See ../shared/design/LEDGER.md for what statuses, sides and conflict kinds mean.
 */
import type { Span, RuleId } from './span.js';
import type { Message } from './message.js';
import type { ConflictKind, EventType, Status } from './vocabulary.js';

// ---------------------------------------------------------------- time

export type Granularity = 'day' | 'week' | 'month' | 'year' | 'range' | 'partial';

/**
 * A time as an interval with the precision the text has. `start`/`end` are ISO dates
 * (YYYY-MM-DD, inclusive). A year-less date in an undated document keeps `partial`
 * granularity and a TIMEX value such as 'XXXX-10-21' with start/end null.
 */
export interface TimeValue {
  start: string | null;
  end: string | null;
  granularity: Granularity;
  /** TIMEX3 value: '2025-10-21', '2025-W42', '2025-10', 'P5D', 'PRESENT_REF', 'XXXX-10-21'. */
  timex: string;
  /** True when filled from the publication date rather than stated ("said on Tuesday" with no date: implied). */
  implied: boolean;
  /** Where in the text it came from, if anywhere. */
  span?: Span;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex {
  span: Span;
  type: TimexType;
  value: string;
  /** Resolved interval for DATE/TIME expressions, when it can be resolved. */
  interval?: TimeValue;
}

/**
 * Where a publication date was read. From a page's markup: jsonld, opengraph, metadata (<meta>,
 * itemprop), time-element, markup (an element marked as a date, or a labelled date), script
 * (a publication-date key in inline data), modified (a "last updated" stamp, used only when
 * nothing else dates the page), text (the first date of the page's text, a last resort).
 */
export type PublishedSource = 'option' | 'metadata' | 'jsonld' | 'opengraph' | 'time-element' | 'markup' | 'script' | 'header' | 'dateline' | 'url' | 'modified' | 'text';

export interface PublishedDate {
  /** YYYY-MM-DD */
  date: string;
  source: PublishedSource;
  /** The raw string it was read from. */
  raw: string;
  /** The rule that found it, when more precise than the source ("meta/article:published_time"). */
  rule?: string;
}

// ---------------------------------------------------------------- documents

/** A candidate publication date seen during ingestion; time/ decides which to trust. */
export interface DateCandidate {
  raw: string;
  source: PublishedSource;
  /** The rule that found it ("jsonld/datePublished", "markup/published", "label/published"). */
  rule?: string;
}

export interface DocMeta {
  title: string | null;
  outlet: string | null;
  authors: string[];
  url: string | null;
  language: string | null;
  /** Candidates found by ingest/clean; `published` is chosen by time/publication-date. */
  dateCandidates: DateCandidate[];
  /**
   * Lines with full dates that cleaning removed as clutter (photo captions, bylines), raw.
   * Not publication dates; time/ reads only their years, to date a year-less lede ("said on Oct. 23").
   */
  contextDates?: string[];
  published: PublishedDate | null;
  /** Set when this document is a copy (exact or near) of an earlier one. */
  duplicateOf: string | null;
  format: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (block separated by newlines) the sentence is in. */
  paragraph: number;
}

export interface Token {
  start: number;
  end: number;
  /** Universal POS tag from wink (PROPN, VERB, ...). */
  pos: string;
  /** wink's lemma, lower case ('walked' -> 'walk'); absent on tokens made by hand. */
  lemma?: string;
}

export type EntityType = 'person' | 'organization' | 'group' | 'place' | 'unknown';
export type MentionKind = 'name' | 'description' | 'pronoun' | 'metonym' | 'anonymous';

/** A span naming (or referring to) an entity. */
export interface Mention {
  id: string;
  span: Span;
  kind: MentionKind;
  type: EntityType;
  /** Normalized key for matching across mentions: folded, titles stripped ('vladimir putin'). */
  key: string;
  /** Titles and roles seen with the mention ('press secretary', 'president'). */
  roles: string[];
  /** Affiliation named with it ('White House', 'Russian'), if any. */
  affiliation: string | null;
  /** Document-local entity this mention refers to (set by entities/ within-document resolution). */
  local: string | null;
  /** The name as written without titles or roles ('Vladimir Putin'), when the mention names one. */
  name?: string;
  /** Grammatical or stated gender ('he', 'Mr.', 'spokeswoman'), when known. */
  gender?: 'm' | 'f' | null;
  /** A plural mention ('officials', 'they'). */
  plural?: boolean;
}

/** One actor inside one document, before cross-document canonicalization. */
export interface LocalEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliation: string | null;
  mentions: string[];
  /** The kinds of its mentions (name, metonym, ...), kept so corpus stages need no mentions. */
  kinds?: MentionKind[];
}

export type StatementKind = 'direct' | 'indirect' | 'mixed';

export interface Statement {
  id: string;
  /** The whole evidence: the sentence(s) the statement is read from. */
  span: Span;
  /** The reported content only: the words inside the quotes, or the reported clause. */
  content: Span;
  /** The reporting verb or cue ('said', 'according to'). */
  cue: Span | null;
  kind: StatementKind;
  speaker: {
    /** Where the speaker is written, if it is written in the text near the statement. */
    span: Span | null;
    /** The speaker as written ('a White House official', 'she'). */
    text: string;
    mention: string | null;
    local: string | null;
  };
  addressee: { span: Span; text: string; local: string | null } | null;
  channel: string | null;
  date: TimeValue | null;
  rule: RuleId;
}

// Declared once, in data/lexicons/ledger.yml, through src/core/vocabulary.ts.
export type { EventType, Status, ConflictKind } from './vocabulary.js';

export type Modality = 'asserted' | 'hedged' | 'conditional' | 'questioned';

export interface EventMention {
  id: string;
  type: EventType;
  /** The trigger word(s): 'summit', 'phone call', 'meet'. */
  trigger: Span;
  /** The clause the event is read from. */
  span: Span;
  /** Document-local entity ids of the participants. */
  participants: string[];
  place: string | null;
  time: TimeValue | null;
  rule: RuleId;
  /** 'document': it names nobody and points back to nothing; it joins an event of its own document only. */
  scope?: 'document';
}

export interface Claim {
  id: string;
  eventMention: string;
  statement: string | null;
  /** Document-local entity asserting the status; null when the article itself asserts it. */
  source: string | null;
  sourceText: string | null;
  status: Status;
  modality: Modality;
  /** The words that carry the status. */
  evidence: Span;
  /** The status cue that decided it. */
  cue: Span | null;
  date: TimeValue | null;
  rule: RuleId;
  /**
   * The party that acts in the claim's clause ("Brix walked away from the takeover": Brix), a
   * document-local entity id. In a narrated claim the article tells that party's act, so the
   * claim is that party's in conflicts; in a claim a source asserts it tells whose act the
   * source reports. Absent on claims of older stores and where no named party acts.
   */
  actor?: string | null;
}

/** A document and everything the per-document stages found in it. */
export interface Doc {
  id: string;
  source: string;
  /** sha256 of the raw bytes, hex; the raw input is stored verbatim under it. */
  rawHash: string;
  /** Clean text: every offset in this Doc points into it. */
  text: string;
  /**
   * Offset map from clean text back to the decoded raw input: pairs [cleanStart, rawStart]
   * for each kept segment, ascending. A clean offset c maps to rawStart + (c - cleanStart)
   * of the last segment with cleanStart <= c.
   */
  offsetMap: Array<[number, number]>;
  meta: DocMeta;
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  locals: LocalEntity[];
  statements: Statement[];
  timexes: Timex[];
  eventMentions: EventMention[];
  claims: Claim[];
  messages: Message[];
}

// ---------------------------------------------------------------- the ledger (corpus level)

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  /** Affiliation chain up to a side: ['White House', 'United States government']. */
  affiliation: string[];
  /** The side the entity speaks for (last element of the chain, or the entity itself). */
  side: string | null;
}

export interface Event {
  id: string;
  type: EventType;
  participants: string[];
  place: string | null;
  time: TimeValue | null;
  label: string;
  /** [docId, eventMentionId] pairs. */
  mentions: Array<[string, string]>;
  /** The status best supported now. */
  status: Status | null;
}


/** A claim placed in the ledger: its document, canonical source and event. */
export interface LedgerClaim {
  id: string;
  doc: string;
  claim: Claim;
  event: string;
  source: string | null;
  side: string | null;
  /** Copies of a wire story: the claim id of the original this repeats. */
  copyOf: string | null;
  /** The acting party of the claim's clause (Claim.actor), canonical; absent when none. */
  actor?: string | null;
  /** When the clause places the event or its status change ("put on hold in May"); absent when it does not. */
  told?: TimeValue | null;
}

export interface Conflict {
  id: string;
  kind: ConflictKind;
  claims: [string, string];
  event: string;
  explanation: string;
  rule: RuleId;
}

export interface Ledger {
  entities: Entity[];
  /** docId -> local entity id -> entity id */
  entityOf: Map<string, Map<string, string>>;
  events: Event[];
  claims: LedgerClaim[];
  conflicts: Conflict[];
}
