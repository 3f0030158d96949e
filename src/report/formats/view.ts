/**
 * The report view shared by the human-readable formats: events in order of their most recent
 * activity, each with its claims ordered by statement date and its conflicts. It is read from a
 * snapshot of the store (port.ts SnapshotReads) a few events at a time, the story-wide parts
 * (counts, order, title) by bounded queries first, so a report's memory does not grow with the
 * store; formats only lay it out, event by event, as it comes.
 */
import { groupBy } from '../../core/group.js';
import type { Doc, Ledger, TimeValue } from '../../core/types.js';
import type { ClaimRow as StoredClaim, ConflictRow as StoredConflict, EntityRow } from '../../core/rows.js';
import type { Span } from '../../core/span.js';
import { sliceSpan } from '../../core/span.js';
import { episodes } from '../../conflicts/episodes.js';
import { citation, quoteLink } from '../../core/source-ref.js';
import { dateKey } from '../../store/store.js';
import type { DocumentCite, EventOutline, SnapshotReads } from '../../store/port.js';
import { memoryReads } from '../memory-reads.js';
import { collectIfGrown } from '../../core/collect.js';

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
function enclosingSentences(doc: { text: string; sentences: ReadonlyArray<{ start: number; end: number }> }, s: Pick<Span, 'start' | 'end'>): string {
  let start = s.start;
  let end = s.end;
  for (const sent of doc.sentences) {
    if (sent.end > s.start && sent.start <= s.start) start = Math.min(start, sent.start);
    if (sent.start < s.end && sent.end >= s.end) end = Math.max(end, sent.end);
  }
  return oneLine(sliceSpan(doc.text, { start, end }));
}

function docLabel(doc: DocumentCite | undefined, c: StoredClaim): string {
  if (!doc) return c.document;
  const title = doc.title ? oneLine(doc.title) : null;
  const outlet = c.outlet ? oneLine(c.outlet) : null;
  if (title && outlet) return `${title} (${outlet})`;
  const location = citation(c.url, doc.source);
  return title ?? (outlet ? `${outlet}, ${location}` : location);
}

function compareRows(a: ClaimRow, b: ClaimRow): number {
  if (a.sortDate !== b.sortDate) {
    if (a.sortDate === null) return 1;
    if (b.sortDate === null) return -1;
    return a.sortDate < b.sortDate ? -1 : 1;
  }
  return 0;
}

/** A stored date as a TimeValue showTime reads: a day, or an interval's fields. */
const timeOf = (d: NonNullable<StoredClaim['date']>): TimeValue => (typeof d === 'string' ? ({ granularity: 'day', start: d, end: d, timex: d } as TimeValue) : (d as TimeValue));

/** An event as a table of contents lists it, before its claims are read. */
export interface EventHead {
  id: string;
  label: string;
  status: string;
  claims: number;
  conflicts: number;
}

/** What a report says before its events: the counts, the title, the events in order with their counts. */
export interface ReportHead {
  title: string;
  documents: number;
  /** Every event, with claims or not. */
  events: number;
  claims: number;
  conflicts: number;
  notAnalysed: Array<{ location: string; language: string }>;
  /** The events with claims, in report order. */
  shown: EventHead[];
  /** The labels of the events no claim speaks of, in report order. */
  without: string[];
  /** Statements that carry no claim placed on an event. */
  unplacedStatements: number;
}

/** The report of one snapshot, read as it is laid out. */
export interface ReportStream {
  head: ReportHead;
  /**
   * The events with claims, in report order, each whole; their sources numbered as first cited.
   * `sentences` picks the claims whose evidence sentence is read (from their documents'
   * analyses); the others' `sentence` is their evidence.
   */
  events(opts?: { sentences?: (e: EventView) => Iterable<ClaimRow>; only?: ReadonlySet<string> }): AsyncIterable<EventView>;
  /** The sources numbered so far: all of them once events() was read through (none when not numbered). */
  sources(): SourceRow[];
}

/** Events read per batch of queries, and the claims that bound a batch. */
const EVENTS_PER_BATCH = 64;
const CLAIMS_PER_BATCH = 4000;
/** Documents whose text and sentences are kept for the evidence sentences of the next events. */
const SENTENCE_DOCS = 64;
/** Documents read at once for evidence sentences. */
const SENTENCE_READ = 256;

/** The report order: most recent activity first, undated last, then in ledger order. */
function reportOrder(outlines: EventOutline[]): EventOutline[] {
  return outlines
    .map((o, index) => ({ o, index }))
    .sort((a, b) => {
      const x = a.o.lastActivity;
      const y = b.o.lastActivity;
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return x > y ? -1 : 1;
      }
      return a.index - b.index;
    })
    .map(({ o }) => o);
}

const labelOf = (o: Pick<EventOutline, 'id' | 'label'>): string => oneLine(o.label) || o.id;

/**
 * How a report is read. `numberSources: false` for a format that lists no sources (TimelineJS):
 * the numbered list holds every cited article, and grows with the store; each claim's `ref` stays 0.
 */
export interface OpenReportOptions {
  numberSources?: boolean;
}

export async function openReport(reads: SnapshotReads, opts: OpenReportOptions = {}): Promise<ReportStream> {
  const numberSources = opts.numberSources ?? true;
  const counts = await reads.counts();
  const ordered = reportOrder(await reads.eventOutlines());
  const shown = ordered.filter((o) => o.claims > 0);
  const busiest = ordered.reduce<EventOutline | null>((m, o) => (!m || o.claims > m.claims ? o : m), null);
  const head: ReportHead = {
    title: busiest?.claims ? labelOf(busiest) : 'walkback report',
    documents: counts.documents,
    events: ordered.length,
    claims: counts.claims,
    conflicts: counts.conflicts,
    notAnalysed: (await reads.notAnalysed()).map((d) => ({ location: d.source, language: d.language })),
    // The outlines themselves, labelled as shown: a store of 50,000 articles has 200,000 events, and a copy of each would stay beside them.
    shown: shown.map((o) => Object.assign(o, { label: labelOf(o), status: o.status ?? 'unknown' })),
    without: ordered.filter((o) => o.claims === 0).map(labelOf),
    unplacedStatements: await reads.unplacedStatements(),
  };

  const refs = new Map<string, number>();
  const sourceRows: SourceRow[] = [];
  const cites = new Map<string, DocumentCite>();
  const texts = new Map<string, { text: string; sentences: Array<{ start: number; end: number }> }>();

  /** The stored rows of a batch of events, made into their views. */
  async function batchViews(batch: EventOutline[], sentences?: (e: EventView) => Iterable<ClaimRow>): Promise<EventView[]> {
    const ids = batch.map((o) => o.id);
    // The event rows themselves, read with their claims: the outlines hold a few fields an event.
    const rowOf = new Map((await reads.events(ids)).map((e) => [e.id, e]));
    const stored = await reads.claimsOfEvents(ids);
    const conflicts = await reads.conflictsOfEvents(ids);
    const byId = new Map(stored.map((c) => [c.id, c]));
    const missing = [...new Set(conflicts.flatMap((k) => k.claims))].filter((id) => !byId.has(id));
    const others = missing.length ? await reads.claims(missing) : [];
    const all = [...stored, ...others];
    const newDocs = [...new Set(all.map((c) => c.document))].filter((d) => !cites.has(d));
    if (newDocs.length) for (const d of await reads.documentCites(newDocs)) cites.set(d.id, d);
    const entities = new Map<string, EntityRow>();
    const want = new Set<string>([...all.flatMap((c) => (c.source ? [c.source] : [])), ...[...rowOf.values()].flatMap((e) => e.participants)]);
    for (const e of await reads.entities([...want])) entities.set(e.id, e);
    const sides = [...new Set([...entities.values()].flatMap((e) => (e.side && !entities.has(e.side) ? [e.side] : [])))];
    if (sides.length) for (const e of await reads.entities(sides)) entities.set(e.id, e);

    const order = new Map(stored.map((c, i) => [c.id, i]));
    const rows = new Map<string, ClaimRow>();
    for (const c of all) {
      const doc = cites.get(c.document);
      const own = dateKey(c.date);
      const published = c.published;
      const ent = c.source ? entities.get(c.source) : undefined;
      const source = c.source ? (ent?.name ?? c.sourceText ?? c.source) : c.sourceText ? oneLine(c.sourceText) : c.outlet ? `${c.outlet} (the article)` : 'the article';
      const sideId = ent?.side ?? null;
      const sideName = sideId ? (entities.get(sideId)?.name ?? sideId) : null;
      const evidence = oneLine(c.text);
      rows.set(c.id, {
        id: c.id,
        sortDate: own ?? published,
        date: c.date && own ? showTime(timeOf(c.date)) : (published ?? 'unknown'),
        dateFromDocument: !own && !!published,
        source,
        side: sideName === source ? null : sideName,
        status: c.status,
        modality: c.modality === 'asserted' ? null : c.modality,
        evidence,
        sentence: evidence,
        document: docLabel(doc, c),
        copyOf: c.copyOf,
        url: c.url,
        link: c.url ? quoteLink(c.url, evidence) : null,
        ref: 0,
        cite: c.outlet ? oneLine(c.outlet) : citation(c.url, doc?.source ?? c.document),
      });
    }
    const storedOf = new Map(all.map((c) => [c.id, c]));
    const tieBreak = (a: ClaimRow, b: ClaimRow): number => {
      const la = storedOf.get(a.id)!;
      const lb = storedOf.get(b.id)!;
      if (la.document === lb.document) return la.span.start - lb.span.start;
      return order.get(a.id)! - order.get(b.id)!;
    };
    // One row a conflict, shared by the event's list and its episodes (the busiest event of a large store has 15,000).
    const conflictRows = new Map<string, ConflictRow>();
    const conflictRow = (k: StoredConflict): ConflictRow => {
      let row = conflictRows.get(k.id);
      if (!row) conflictRows.set(k.id, (row = { id: k.id, kind: k.kind, explanation: oneLine(k.explanation), claims: [rows.get(k.claims[0]) ?? null, rows.get(k.claims[1]) ?? null] }));
      return row;
    };
    const views = batch.map((o) => {
      const e = rowOf.get(o.id)!;
      const claims = stored.filter((c) => c.event === e.id).map((c) => rows.get(c.id)!).sort((a, b) => compareRows(a, b) || tieBreak(a, b));
      const dates = claims.map((r) => r.sortDate).filter((d): d is string => d !== null);
      const own = conflicts.filter((k) => k.event === e.id);
      const view: EventView = {
        id: e.id,
        label: labelOf(o),
        type: e.type,
        participants: e.participants.map((p) => entities.get(p)?.name ?? p),
        place: e.place,
        status: e.status ?? 'unknown',
        lastActivity: dates.length ? dates.reduce((m, d) => (d > m ? d : m)) : null,
        claims,
        conflicts: own.map(conflictRow),
        episodes: episodes(own).map((ep) => ({ claim: rows.get(ep.claim) ?? null, conflicts: ep.conflicts.map(conflictRow) })),
      };
      for (const r of numberSources ? claims : []) {
        const docId = storedOf.get(r.id)!.document;
        let ref = refs.get(docId);
        if (ref === undefined) {
          ref = refs.size + 1;
          refs.set(docId, ref);
          const c = storedOf.get(r.id)!;
          const doc = cites.get(docId);
          sourceRows.push({ ref, title: doc?.title ? oneLine(doc.title) : null, url: c.url, outlet: c.outlet, authors: c.authors, published: c.published, location: citation(c.url, doc?.source ?? docId) });
        }
        r.ref = ref;
      }
      return view;
    });
    if (sentences) for (const view of views) await fillSentences([...sentences(view)], (r) => storedOf.get(r.id)!);
    return views;
  }

  /**
   * Fill the evidence sentences of these claims from their documents (a few kept for the next
   * events), reading SENTENCE_READ documents at a time: the busiest event of a large store cites
   * ten thousand articles, and their texts at once were the report's peak.
   */
  async function fillSentences(claims: ClaimRow[], docOf: (r: ClaimRow) => StoredClaim): Promise<void> {
    const byDoc = groupBy(claims, (r) => docOf(r).document);
    const fill = (doc: { text: string; sentences: Array<{ start: number; end: number }> }, rows: ClaimRow[]): void => {
      for (const r of rows) r.sentence = enclosingSentences(doc, docOf(r).span);
    };
    const need: string[] = [];
    for (const [id, rows] of byDoc) {
      const kept = texts.get(id);
      if (kept) fill(kept, rows);
      else need.push(id);
    }
    for (let i = 0; i < need.length; i += SENTENCE_READ) {
      for (const d of await reads.documentSentences(need.slice(i, i + SENTENCE_READ))) {
        fill(d, byDoc.get(d.id) ?? []);
        // The documents just read are kept for the next events (a story's events share articles), the oldest let go.
        texts.set(d.id, { text: d.text, sentences: d.sentences });
        if (texts.size > SENTENCE_DOCS) texts.delete(texts.keys().next().value!);
      }
    }
  }

  return {
    head,
    sources: () => sourceRows,
    async *events(opts = {}) {
      const { only } = opts;
      const list = only ? shown.filter((o) => only.has(o.id)) : shown;
      for (let i = 0; i < list.length; ) {
        const batch: EventOutline[] = [];
        let claims = 0;
        while (i < list.length && batch.length < EVENTS_PER_BATCH && (batch.length === 0 || claims + list[i]!.claims <= CLAIMS_PER_BATCH)) {
          claims += list[i]!.claims;
          batch.push(list[i++]!);
        }
        yield* await batchViews(batch, opts.sentences);
        // What the batch wrote is garbage now: on a large store it would pile up (core/collect.ts).
        collectIfGrown();
      }
    },
  };
}

/** The whole view of analysed documents and their ledger, in memory (tests, the library): the same rows the store would give. */
export async function buildView(docs: readonly Doc[], ledger: Ledger): Promise<ReportView> {
  const report = await openReport(memoryReads(docs, ledger));
  const shown: EventView[] = [];
  for await (const e of report.events({ sentences: (e) => e.claims })) shown.push(e);
  return viewOf(report.head, shown, report.sources());
}

/** A ReportView of a head, its events with claims, and its sources. */
export function viewOf(head: ReportHead, shown: EventView[], sources: SourceRow[]): ReportView {
  return {
    title: head.title,
    documents: head.documents,
    sources,
    notAnalysed: head.notAnalysed,
    claims: head.claims,
    conflicts: head.conflicts,
    events: shown,
    unplacedStatements: head.unplacedStatements,
  };
}
