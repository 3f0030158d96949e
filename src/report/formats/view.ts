/**
 * The report view shared by the human-readable formats: events in order of their most recent
 * activity, each with its claims ordered by statement date and its conflicts, every text
 * sliced from its document by span. Formats (text, md) only lay this view out.
 */
import type { Claim, Conflict, Doc, Entity, Event, Ledger, LedgerClaim, TimeValue } from '../../core/types.js';
import type { Span } from '../../core/span.js';
import { sliceSpan } from '../../core/span.js';
import { episodes } from '../../conflicts/episodes.js';
import { citation, quoteLink } from '../../core/source-ref.js';
import { docSource } from '../export.js';
import { isAnalysedLanguage } from '../../core/analysed-languages.js';

export interface ClaimRow {
  id: string;
  /** The sort key: the statement date, else the document's published date, else null (last). */
  sortDate: string | null;
  /** The date as shown: '2024-10-03', '2024-W41', '2024-10', '2024-10-01..2024-10-07', 'unknown'. */
  date: string;
  /** True when the date is the document's published date, not the claim's own. */
  dateFromDocument: boolean;
  source: string;
  side: string | null;
  status: string;
  /** Null when asserted. */
  modality: string | null;
  evidence: string;
  /** The sentence(s) around the evidence, for quoting in conflicts. */
  sentence: string;
  document: string;
  copyOf: string | null;
  /** The article's URL, when the input gave one. */
  url: string | null;
  /** A link to the evidence in the article (a text fragment, core/source-ref.ts), when it has a URL. */
  link: string | null;
  /** The source's number in the report's list of sources (ReportView.sources). */
  ref: number;
  /** The article in a few words: its outlet, else its URL or file name. */
  cite: string;
}

/** One article the report cites, numbered in the order first cited. */
export interface SourceRow {
  ref: number;
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  url: string | null;
  /** Its URL, else its file's name (never the folders it sits in). */
  location: string;
}

export interface ConflictRow {
  id: string;
  kind: string;
  explanation: string;
  /** The two claims, as rows (null if a claim id is not in the ledger). */
  claims: [ClaimRow | null, ClaimRow | null];
}

export interface EventView {
  id: string;
  label: string;
  type: string;
  participants: string[];
  place: string | null;
  status: string;
  /** The latest claim date of the event, or null. */
  lastActivity: string | null;
  claims: ClaimRow[];
  conflicts: ConflictRow[];
  /** The same conflicts as episodes (conflicts/episodes.ts): a disputed claim, then every conflict over it. */
  episodes: EpisodeRow[];
}

export interface EpisodeRow {
  claim: ClaimRow | null;
  conflicts: ConflictRow[];
}

export interface ReportView {
  /** The story's title: the label of the event with the most claims. */
  title: string;
  documents: number;
  /** The articles the claims come from, numbered. */
  sources: SourceRow[];
  /** Documents stored but not analysed for their language. */
  notAnalysed: Array<{ location: string; language: string }>;
  claims: number;
  conflicts: number;
  events: EventView[];
  /** Statements that carry no claim placed on an event. */
  unplacedStatements: number;
}

/** Collapse white space (newlines included) so a quote stays on one line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A time as shown in a timeline. */
export function showTime(t: TimeValue): string {
  if (t.granularity === 'day' && t.start) return t.start;
  if (t.granularity === 'range' && t.start && t.end) return t.start === t.end ? t.start : `${t.start}..${t.end}`;
  if (t.timex && t.timex !== 'PRESENT_REF') return t.timex;
  return t.start ?? 'unknown';
}

/** The sentences around a span (the whole evidence sentence), or the span itself without sentences. */
function enclosingSentences(doc: Doc, s: Pick<Span, 'start' | 'end'>): string {
  let start = s.start;
  let end = s.end;
  for (const sent of doc.sentences) {
    if (sent.end > s.start && sent.start <= s.start) start = Math.min(start, sent.start);
    if (sent.start < s.end && sent.end >= s.end) end = Math.max(end, sent.end);
  }
  return oneLine(sliceSpan(doc.text, { start, end }));
}

function docLabel(doc: Doc | undefined, id: string): string {
  if (!doc) return id;
  const title = doc.meta.title ? oneLine(doc.meta.title) : null;
  const outlet = doc.meta.outlet ? oneLine(doc.meta.outlet) : null;
  if (title && outlet) return `${title} (${outlet})`;
  const location = citation(doc.meta.url, doc.source);
  return title ?? (outlet ? `${outlet}, ${location}` : location);
}

function sourceName(lc: LedgerClaim, c: Claim, doc: Doc | undefined, entities: Map<string, Entity>): string {
  if (lc.source) return entities.get(lc.source)?.name ?? c.sourceText ?? lc.source;
  if (c.sourceText) return oneLine(c.sourceText);
  if (c.source) return doc?.locals.find((l) => l.id === c.source)?.name ?? c.source;
  return doc?.meta.outlet ? `${doc.meta.outlet} (the article)` : 'the article';
}

function sideName(side: string | null, source: string, entities: Map<string, Entity>): string | null {
  if (!side) return null;
  const name = entities.get(side)?.name ?? side;
  return name === source ? null : name;
}

function compareRows(a: ClaimRow, b: ClaimRow): number {
  if (a.sortDate !== b.sortDate) {
    if (a.sortDate === null) return 1;
    if (b.sortDate === null) return -1;
    return a.sortDate < b.sortDate ? -1 : 1;
  }
  return 0;
}

export function buildView(docs: readonly Doc[], ledger: Ledger): ReportView {
  const byDoc = new Map(docs.map((d) => [d.id, d]));
  const entities = new Map(ledger.entities.map((e) => [e.id, e]));
  const rows = new Map<string, ClaimRow>();
  const order = new Map<string, number>();
  const refs = new Map<string, number>();
  const sourceRows: SourceRow[] = [];
  const refOf = (id: string, doc: Doc | undefined): number => {
    let ref = refs.get(id);
    if (ref === undefined) {
      ref = refs.size + 1;
      refs.set(id, ref);
      const src = doc ? docSource(doc) : { url: null, outlet: null, authors: [], published: null };
      sourceRows.push({ ref, title: doc?.meta.title ? oneLine(doc.meta.title) : null, ...src, location: citation(src.url, doc?.source ?? id) });
    }
    return ref;
  };

  ledger.claims.forEach((lc, i) => {
    const doc = byDoc.get(lc.doc);
    const c = lc.claim;
    const published = doc?.meta.published?.date ?? null;
    const own = c.date?.start ?? null;
    const source = sourceName(lc, c, doc, entities);
    const evidence = doc ? oneLine(sliceSpan(doc.text, c.evidence)) : '';
    const url = doc ? docSource(doc).url : null;
    rows.set(lc.id, {
      id: lc.id,
      sortDate: own ?? published,
      date: c.date && own ? showTime(c.date) : (published ?? 'unknown'),
      dateFromDocument: !own && !!published,
      source,
      side: sideName(lc.side, source, entities),
      status: c.status,
      modality: c.modality === 'asserted' ? null : c.modality,
      evidence,
      sentence: doc ? enclosingSentences(doc, c.evidence) : evidence,
      document: docLabel(doc, lc.doc),
      copyOf: lc.copyOf,
      url,
      link: url ? quoteLink(url, evidence) : null,
      ref: 0,
      cite: doc?.meta.outlet ? oneLine(doc.meta.outlet) : citation(url, doc?.source ?? lc.doc),
    });
    // Within one date, claims keep document then text order.
    order.set(lc.id, i);
  });

  const claimsOf = new Map<string, LedgerClaim[]>();
  for (const lc of ledger.claims) {
    const list = claimsOf.get(lc.event) ?? [];
    list.push(lc);
    claimsOf.set(lc.event, list);
  }
  const conflictsOf = new Map<string, Conflict[]>();
  for (const k of ledger.conflicts) {
    const list = conflictsOf.get(k.event) ?? [];
    list.push(k);
    conflictsOf.set(k.event, list);
  }

  const conflictRow = (k: Conflict): ConflictRow => ({
    id: k.id,
    kind: k.kind,
    explanation: oneLine(k.explanation),
    claims: [rows.get(k.claims[0]) ?? null, rows.get(k.claims[1]) ?? null],
  });

  const tieBreak = (a: ClaimRow, b: ClaimRow): number => {
    const la = ledger.claims[order.get(a.id)!]!;
    const lb = ledger.claims[order.get(b.id)!]!;
    if (la.doc === lb.doc) return la.claim.evidence.start - lb.claim.evidence.start;
    return order.get(a.id)! - order.get(b.id)!;
  };

  const events = ledger.events.map((e: Event, i): EventView & { index: number } => {
    const claims = (claimsOf.get(e.id) ?? []).map((lc) => rows.get(lc.id)!).sort((a, b) => compareRows(a, b) || tieBreak(a, b));
    const dates = claims.map((r) => r.sortDate).filter((d): d is string => d !== null);
    return {
      index: i,
      id: e.id,
      label: oneLine(e.label) || e.id,
      type: e.type,
      participants: e.participants.map((p) => entities.get(p)?.name ?? p),
      place: e.place,
      status: e.status ?? 'unknown',
      lastActivity: dates.length ? dates.reduce((m, d) => (d > m ? d : m)) : null,
      claims,
      conflicts: (conflictsOf.get(e.id) ?? []).map(conflictRow),
      episodes: episodes(conflictsOf.get(e.id) ?? []).map((ep) => ({ claim: rows.get(ep.claim) ?? null, conflicts: ep.conflicts.map(conflictRow) })),
    };
  });

  events.sort((a, b) => {
    if (a.lastActivity !== b.lastActivity) {
      if (a.lastActivity === null) return 1;
      if (b.lastActivity === null) return -1;
      return a.lastActivity > b.lastActivity ? -1 : 1;
    }
    return a.index - b.index;
  });

  const placed = new Set(ledger.claims.filter((lc) => lc.claim.statement).map((lc) => `${lc.doc}:${lc.claim.statement}`));
  let unplaced = 0;
  for (const d of docs) for (const s of d.statements) if (!placed.has(`${d.id}:${s.id}`)) unplaced++;

  // Sources numbered in the order the report shows them: events in order, each by claim date.
  const docOfClaim = new Map(ledger.claims.map((lc) => [lc.id, lc.doc]));
  for (const e of events) {
    for (const r of e.claims) {
      const id = docOfClaim.get(r.id)!;
      r.ref = refOf(id, byDoc.get(id));
    }
  }
  const busiest = events.reduce<(typeof events)[number] | null>((m, e) => (!m || e.claims.length > m.claims.length ? e : m), null);
  return {
    title: busiest?.claims.length ? busiest.label : 'walkback report',
    documents: docs.length,
    sources: sourceRows,
    notAnalysed: docs.filter((d) => !isAnalysedLanguage(d.meta.language)).map((d) => ({ location: citation(docSource(d).url, d.source), language: d.meta.language! })),
    claims: ledger.claims.length,
    conflicts: ledger.conflicts.length,
    events: events.map(({ index: _index, ...e }) => e),
    unplacedStatements: unplaced,
  };
}
