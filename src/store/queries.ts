/**
 * Read queries over the SQLite store for the HTTP API and the web UI: paginated lists (with
 * totals), an event with its claims in date order and its conflicts, a conflict with both
 * claims and the text around each piece of evidence, an entity with what it said over time,
 * a document with every statement and claim in it, and FTS5 search. Rows are the export's
 * (the `data` column), joined with the names a reader needs; nothing here writes the ledger.
 */
import type Database from 'better-sqlite3';
import type { ClaimEvidence, ClaimRow, ClaimView, ConflictHit, ConflictRow, ConflictView, Context, DocumentRef, DocumentRow, EntityRow, EventRow, StatementRow, StatementView } from '../core/rows.js';
import type { StatementCore } from '../report/export.js';
import { documentUrl, shareableSource } from '../core/source-ref.js';
import { ANALYSED_LANGUAGES } from '../core/analysed-languages.js';
import { ftsSql, ftsTables, ftsTriggers, FTS_TOKENIZE, FTS_VERSION, documentSearchText, eventSearchText, conflictSearchText, notAnalysedWhere, statementWithSpeaker, speakerJoin, statementOrder, statementOrderColumns } from './schema.js';
import { widenPlan } from './search-terms.js';
import { searchLedger } from './search-ledger.js';
import { hitArgs, hitsOf } from './search-hits.js';
import { Ranks, type TableCounts } from './ranks.js';
import { statementOfRow, statementColumns, statementTextSql, type StatementDbRow } from './statement-row.js';
import { episodes } from '../conflicts/episodes.js';
import { claimColumns, claimOfRow, type ClaimDbRow, conflictColumns, conflictOfRow, type ConflictDbRow, type StoredConflict, eventColumns, eventOfRow, type EventDbRow } from './ledger-rows.js';
import { registerDocText, unpackJson, unpackText } from './packed.js';
import { snippetOf, termPattern, SNIPPET_SCAN } from './snippet.js';
import { redirectOf, type RedirectKind } from './redirects.js';
import { columnsOf } from './sqlite/columns.js';
import { TIMELINE_PAGE, conflictHit, conflictSources, conflictsOnPage, documentView, sourceOfRef, timelineOrderSql, type TimelineKey } from './views.js';

export type { ClaimEvidence, ClaimRow, ClaimView, ConflictHit, ConflictRow, ConflictView, Context, DocumentRef, DocumentRow, EntityRow, EventRow, StatementRow, StatementView } from '../core/rows.js';


export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface PageArgs {
  limit: number;
  offset: number;
}

export interface DocumentSummary extends DocumentRef {
  statements: number;
  claims: number;
}

/**
 * The columns of a DocumentRef (`d` documents); read with docRefOf. URL and authors are kept in
 * the analysis's meta, which is packed (packed.ts): doc_source, a function this connection
 * registers, unpacks it once a document and gives both (SQLite's json_extract cannot read it).
 */
const docRefColumns = `d.id, d.source, d.title, d.published, d.outlet, d.language, doc_source(d.id, d.analysis) AS meta`;

/** Pages each reading connection keeps, in KB. */
const READ_CACHE_KB = 32 * 1024;

/** Documents whose URL and authors each connection keeps (about 200 bytes each). */
const DOC_SOURCES_KEPT = 20_000;

/**
 * doc_source(id, analysis): `{"url", "authors"}` of a stored analysis's meta, as JSON text.
 * Unpacking a whole analysis to read two fields is most of the time of a list of documents,
 * statements or claims, and a stored document never changes: each is unpacked once and kept
 * (the oldest dropped past DOC_SOURCES_KEPT).
 */
function registerDocSource(db: Database.Database): void {
  const kept = new Map<string, string>();
  db.function('doc_source', { deterministic: true }, (id: unknown, analysis: unknown) => {
    const hit = typeof id === 'string' ? kept.get(id) : undefined;
    if (hit !== undefined) return hit;
    if (typeof analysis !== 'string' && !(analysis instanceof Uint8Array)) return null;
    const m = unpackJson<{ meta?: { url?: string | null; authors?: string[]; published?: { source: string } | null } }>(analysis).meta ?? {};
    const json = JSON.stringify({ url: m.url ?? null, authors: m.authors ?? [], publishedFrom: m.published?.source ?? null });
    if (typeof id === 'string') {
      if (kept.size >= DOC_SOURCES_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(id, json);
    }
    return json;
  });
}

type DocRefDbRow = Omit<DocumentRef, 'authors' | 'url'> & { meta: string | null };

function docRefOf<T extends DocRefDbRow>({ meta, source, ...r }: T): Omit<T, 'meta'> & DocumentRef {
  const m = meta ? (JSON.parse(meta) as { url: string | null; authors: string[] }) : { url: null, authors: [] };
  return { ...r, source: shareableSource(source), url: documentUrl({ url: m.url }, source), authors: m.authors } as Omit<T, 'meta'> & DocumentRef;
}


export type DocumentView = DocumentRow & { statements: StatementView[]; claims: ClaimView[] };

export type EntitySummary = EntityRow & { statements: number; claims: number };

export type EventSummary = EventRow & { participantNames: string[]; lastDate: string | null; claims: number; conflicts: number };

export interface EventDetail {
  event: EventSummary;
  /** A page of the event's claims in timeline order (views.ts TimelineKey); `event.claims` counts them all. */
  timeline: ClaimView[];
  /** Which page of the timeline this is. */
  page: PageArgs;
  /** The conflicts whose later claim is on this page of the timeline (views.ts conflictsOnPage): each shown on one page. */
  conflicts: ConflictView[];
  /** The conflicts as episodes (conflicts/episodes.ts): a disputed claim's id, then the ids of every conflict over it. */
  episodes: Array<{ claim: string; conflicts: string[] }>;
}

export interface SearchHit<T> {
  item: T;
  /** The matching words marked with U+E000 ... U+E001 (the UI turns them into <mark>). */
  snippet: string;
}

export interface SearchResult {
  query: string;
  statements: Page<SearchHit<StatementView>>;
  documents: Page<SearchHit<DocumentSummary>>;
  /** Events by label, place and participants; conflicts by explanation, event and both claims (scope `all`). */
  events: Page<SearchHit<EventSummary>>;
  conflicts: Page<SearchHit<ConflictHit>>;
}

export interface EventFilter {
  status?: string;
  type?: string;
  q?: string;
}

/** An event row as the lists read it (ledger-rows.ts eventColumns), with its last date and counts: what eventSummaries takes. */
export type EventSummaryRow = EventDbRow & { last_date: string | null; claims: number; conflicts: number };

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

/** Whether the FTS5 indexes exist and are filled (a read-only store cannot build them). */
export function searchReady(db: Database.Database): boolean {
  const tables = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('statements_fts', 'documents_fts')").pluck().get() as number;
  return tables === 2 && Boolean(db.prepare("SELECT value FROM store_meta WHERE key = 'fts_built'").pluck().get());
}

/**
 * Create the FTS5 indexes if missing, and fill them for a store that predates them; indexes
 * of an older version (another tokenizer, no event or conflict index) are dropped and rebuilt.
 */
export function ensureSearch(db: Database.Database): void {
  registerDocText(db);
  const built = db.prepare("SELECT value FROM store_meta WHERE key = 'fts_built'").pluck().get();
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'statements_fts'").pluck().get() as string | undefined;
  if (built === FTS_VERSION && sql?.includes(FTS_TOKENIZE)) {
    db.exec(ftsSql);
    return;
  }
  db.transaction(() => {
    for (const t of ftsTriggers) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
    for (const t of ftsTables) db.exec(`DROP TABLE IF EXISTS ${t}`);
    db.exec(ftsSql);
    db.exec(`INSERT INTO statements_fts(rowid, text, speaker_text) SELECT s.rowid, ${statementTextSql('s')}, s.speaker_text FROM statements s`);
    db.exec(`INSERT INTO documents_fts(rowid, title, text) SELECT d.rowid, d.title, ${documentSearchText('d')} FROM documents d`);
    db.exec(`INSERT INTO events_fts(rowid, text) SELECT v.rowid, ${eventSearchText('v')} FROM events v`);
    db.exec(`INSERT INTO conflicts_fts(rowid, text) SELECT k.rowid, ${conflictSearchText('k')} FROM conflicts k`);
    db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('fts_built', ?)").run(FTS_VERSION);
  })();
}

/** Distinct terms a search keeps; words past it are dropped (each term costs the query a pass over the index). */
export const MAX_TERMS = 12;
/** Words a quoted phrase keeps. */
export const MAX_PHRASE_WORDS = 12;

export interface SearchPlan {
  /** The FTS5 query: every term quoted, all of them required. */
  query: string;
  /** The distinct terms, each a word or a phrase (words joined by a space). */
  terms: string[];
}

/** How FTS5's unicode61 tokenizer (remove_diacritics) compares words: a repeated term is the same term. */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * A user's words as an FTS5 query: "quoted phrases" stay phrases, every other word is quoted
 * on its own (so operators and punctuation are never syntax), all of them required. A term
 * repeated (in any case or accent) is kept once, and at most MAX_TERMS are kept: each became
 * a phrase of its own, and a word repeated a hundred times stalled the server for minutes.
 * Returns null when nothing searchable is left.
 */
export function searchPlan(input: string): SearchPlan | null {
  const terms: string[] = [];
  const seen = new Set<string>();
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (const m of input.matchAll(re)) {
    const words = (m[1] ?? m[2] ?? '').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu);
    if (!words?.length) continue;
    const candidates = m[1] !== undefined ? [words.slice(0, MAX_PHRASE_WORDS).join(' ')] : words;
    for (const t of candidates) {
      const key = fold(t);
      if (seen.has(key) || terms.length >= MAX_TERMS) continue;
      seen.add(key);
      terms.push(t);
    }
  }
  return terms.length ? { query: terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' '), terms } : null;
}

/** A window of text around [start, end), cut at a paragraph or word boundary. */
export function contextWindow(text: string, start: number, end: number, pad = 320): Context {
  let s = Math.max(0, start - pad);
  let e = Math.min(text.length, end + pad);
  const para = text.lastIndexOf('\n', start - 1);
  if (para >= s) s = para + 1;
  else if (s > 0) {
    const sp = text.indexOf(' ', s);
    if (sp >= 0 && sp < start) s = sp + 1;
  }
  const paraEnd = text.indexOf('\n', end);
  if (paraEnd >= 0 && paraEnd <= e) e = paraEnd;
  else if (e < text.length) {
    const sp = text.lastIndexOf(' ', e);
    if (sp > end) e = sp;
  }
  return { text: text.slice(s, e), start: start - s, end: end - s, offset: s };
}

const dateStart = (d: StatementRow['date']): string | null => (typeof d === 'string' ? d : (d?.start ?? null));


export class Queries {
  /** The counts and orders the lists read, computed once per state of the store (ranks.ts). */
  readonly ranks: Ranks;

  /** Whether statements carry their list order (schema.ts statementOrder): a read-only store written before may not. */
  private readonly orderColumns: boolean;

  /**
   * Statements prepared once per connection: preparing is a tenth of a small request's time.
   * Each SQL text is used the same way wherever it is (a plucked read is plucked everywhere);
   * the mode is reset on every use all the same.
   */
  private readonly prepared = new Map<string, Database.Statement>();

  private prepare(sql: string): Database.Statement {
    let st = this.prepared.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.prepared.set(sql, st);
    }
    return st.pluck(false);
  }

  constructor(private readonly db: Database.Database) {
    // A search reads statements, documents and the ledger: in SQLite's default 2 MB of pages
    // each evicted the others' and a search read them again from the file, three times slower.
    db.pragma(`cache_size = -${READ_CACHE_KB}`);
    registerDocSource(db);
    // Statements read their text from their documents' (statement-row.ts statementTextSql).
    registerDocText(db);
    this.ranks = new Ranks(db);
    const columns = columnsOf(db, 'statements');
    this.orderColumns = statementOrderColumns.every((c) => columns.has(c));
  }

  /** The state of the store this connection sees (data-version.ts): what a response cache is keyed on. */
  version(): string {
    return this.ranks.version.current();
  }

  /**
   * Compute now what the lists (`all`) or search alone compute once per state of the store
   * (ranks.ts), so that the first requests after a start do not wait for it (seconds on a large store).
   */
  warm(scope: 'all' | 'search' = 'all'): void {
    if (scope === 'all') {
      this.ranks.fresh();
      if (this.orderColumns) this.ranks.freshSpeakerOrder();
    }
    this.ranks.freshSpellings();
  }

  // ------------------------------------------------------------ lookups

  private docRefs(ids: Iterable<string>): Map<string, DocumentRef> {
    const rows = this.prepare(`SELECT ${docRefColumns} FROM documents d WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...new Set(ids)])) as DocRefDbRow[];
    return new Map(rows.map((r) => [r.id, docRefOf(r)]));
  }

  private entityNames(ids: Iterable<string>): Map<string, { name: string; side: string | null }> {
    const rows = this.prepare('SELECT id, name, side FROM entities WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(ids)])) as Array<{ id: string; name: string; side: string | null }>;
    const m = new Map(rows.map((r) => [r.id, { name: r.name, side: r.side }]));
    // A side may itself be an entity id: show its name.
    const sides = rows.map((r) => r.side).filter((s): s is string => !!s && !m.has(s));
    if (sides.length) {
      const more = this.prepare('SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(sides)) as Array<{ id: string; name: string }>;
      const names = new Map(more.map((r) => [r.id, r.name]));
      for (const v of m.values()) if (v.side && names.has(v.side)) v.side = names.get(v.side)!;
    }
    for (const v of m.values()) if (v.side && m.has(v.side)) v.side = m.get(v.side)!.name;
    return m;
  }

  /** Claim rows `where` says (of `c`, the claims table; binding `arg`), as stored (ledger-rows.ts claimOfRow). */
  private claims(where: string, ...args: unknown[]): ClaimRow[] {
    return (this.prepare(`SELECT ${claimColumns} FROM claims c WHERE ${where}`).all(...args) as ClaimDbRow[]).map(claimOfRow);
  }

  /** Conflict rows `where` says (of `k`, the conflicts table, order and page included; binding `args`), as stored (ledger-rows.ts conflictOfRow). */
  private conflictRows(where: string, ...args: unknown[]): StoredConflict[] {
    return (this.prepare(`SELECT ${conflictColumns} FROM conflicts k ${where}`).all(...args) as ConflictDbRow[]).map(conflictOfRow);
  }

  private missingDoc = (id: string): DocumentRef => ({ id, source: id, title: null, language: null, url: null, outlet: null, authors: [], published: null });

  /** Statements with their speaker's name and their document (where it was published, read from the document). */
  private statementViews(rows: StatementCore[]): StatementView[] {
    const docs = this.docRefs(rows.map((r) => r.document));
    const names = this.entityNames(rows.flatMap((r) => (r.speaker ? [r.speaker] : [])));
    return rows.map((r) => {
      const doc = docs.get(r.document) ?? this.missingDoc(r.document);
      return { ...r, ...sourceOfRef(doc), speakerName: r.speaker ? (names.get(r.speaker)?.name ?? null) : null, doc };
    });
  }

  private claimViews(rows: ClaimRow[]): ClaimView[] {
    const docs = this.docRefs(rows.map((r) => r.document));
    const names = this.entityNames(rows.flatMap((r) => (r.source ? [r.source] : [])));
    return rows.map((r) => {
      const doc = docs.get(r.document) ?? this.missingDoc(r.document);
      const ent = r.source ? names.get(r.source) : undefined;
      const sourceName = ent?.name ?? r.sourceText ?? (doc.outlet ? `${doc.outlet} (the article)` : 'the article');
      return { ...r, ...sourceOfRef(doc), sourceName, side: ent?.side ?? sourceName, sortDate: dateStart(r.date) ?? doc.published, doc };
    });
  }

  private evidence(claim: ClaimView | null): ClaimEvidence {
    if (!claim) return { claim: null, context: null };
    const stored = this.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(claim.document) as string | Buffer | undefined;
    return { claim, context: stored === undefined ? null : contextWindow(unpackText(stored), claim.span.start, claim.span.end) };
  }

  /** Conflicts with both claims, their evidence and where each was published (a store built before conflicts carried it shows it too; also for search-ledger.ts). */
  conflictViews(rows: Array<Omit<ConflictRow, 'sources'>>): ConflictView[] {
    const { claims, labels } = this.conflictParts(rows);
    return rows.map((k) => ({
      ...k,
      sources: conflictSources(k, claims),
      eventLabel: labels.get(k.event) ?? null,
      a: this.evidence(claims.get(k.claims[0]) ?? null),
      b: this.evidence(claims.get(k.claims[1]) ?? null),
    }));
  }

  /** Conflict rows as search hits, with the text of each one's snippet (views.ts conflictHit): no evidence sentences read. */
  conflictHits(rows: Array<Omit<ConflictRow, 'sources'>>): Array<{ item: ConflictHit; text: string }> {
    const { claims, labels } = this.conflictParts(rows);
    return rows.map((k) => conflictHit(k, claims, labels.get(k.event) ?? null));
  }

  /** The claims of these conflicts, as views, and the labels of their events. */
  private conflictParts(rows: Array<Omit<ConflictRow, 'sources'>>): { claims: Map<string, ClaimView>; labels: Map<string, string> } {
    const claimIds = rows.flatMap((k) => k.claims);
    const claims = new Map(this.claimViews(this.claims('c.id IN (SELECT value FROM json_each(?))', JSON.stringify(claimIds))).map((c) => [c.id, c]));
    const labels = new Map(
      (this.prepare('SELECT id, label FROM events WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(rows.map((k) => k.event))) as Array<{ id: string; label: string }>).map((r) => [r.id, r.label]),
    );
    return { claims, labels };
  }

  /** Event rows with their participants named (also for story.ts). */
  eventSummaries(rows: EventSummaryRow[]): EventSummary[] {
    const events = rows.map((r) => ({ row: eventOfRow(r), r }));
    const names = this.entityNames(events.flatMap((e) => e.row.participants));
    return events.map(({ row, r }) => ({
      ...row,
      participantNames: row.participants.map((p) => names.get(p)?.name ?? p),
      lastDate: r.last_date,
      claims: r.claims,
      conflicts: r.conflicts,
    }));
  }

  // ------------------------------------------------------------ views

  stats(): TableCounts & { notAnalysed: Array<{ language: string; documents: number }> } {
    const notAnalysed = this.prepare(`SELECT language, COUNT(*) AS documents FROM documents WHERE ${notAnalysedWhere} GROUP BY language ORDER BY documents DESC, language`)
      .all(JSON.stringify(ANALYSED_LANGUAGES)) as Array<{ language: string; documents: number }>;
    return { ...this.ranks.counts(), notAnalysed };
  }

  documents({ limit, offset }: PageArgs): Page<DocumentSummary> {
    const total = this.ranks.counts().documents;
    const items = this.prepare(
        `SELECT ${docRefColumns},
           (SELECT COUNT(*) FROM statements s WHERE s.document = d.id) AS statements,
           (SELECT COUNT(*) FROM claims c WHERE c.document = d.id) AS claims
         FROM documents d ORDER BY seq LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as Array<DocRefDbRow & { statements: number; claims: number }>;
    return { total, limit, offset, items: items.map(docRefOf) };
  }

  document(id: string): DocumentView | null {
    // Meta from the columns and doc_source (kept once unpacked), not from the whole analysis unpacked on every request.
    const row = this.prepare(`SELECT ${docRefColumns}, d.text, d.duplicate_of FROM documents d WHERE d.id = ?`).get(id) as (DocRefDbRow & { text: string | Buffer; duplicate_of: string | null }) | undefined;
    if (!row) return null;
    const r = { ...row, text: unpackText(row.text) };
    const m = r.meta ? (JSON.parse(r.meta) as { url: string | null; authors: string[]; publishedFrom: string | null }) : { url: null, authors: [], publishedFrom: null };
    const statements = this.statementViews((this.prepare(`SELECT ${statementColumns} FROM ${statementWithSpeaker} WHERE s.document = ? ORDER BY s.rowid`).all(id) as StatementDbRow[]).map(statementOfRow));
    const claims = this.claimViews(this.claims('c.document = ? ORDER BY c.rowid', id));
    const published = r.published ? { date: r.published, source: m.publishedFrom } : null;
    return documentView(r, { title: r.title, url: m.url, outlet: r.outlet, authors: m.authors, language: r.language, published }, statements, claims);
  }

  entities({ limit, offset }: PageArgs, q?: string): Page<EntitySummary> {
    const where = q ? "WHERE e.name LIKE ? ESCAPE '\\' OR e.data LIKE ? ESCAPE '\\'" : '';
    const like = q ? [`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [];
    const args = q ? [...like, ...like] : [];
    this.ranks.fresh();
    const total = q ? (this.prepare(`SELECT COUNT(*) FROM entities e ${where}`).pluck().get(...args) as number) : this.ranks.counts().entities;
    // Most statements first, then most claims, then by name: the order entity_rank keeps.
    const rows = this.prepare(`SELECT e.data, r.statements, r.claims FROM temp.entity_rank r JOIN entities e ON e.id = r.entity ${where} ORDER BY r.rank LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as Array<{ data: string; statements: number; claims: number }>;
    return { total, limit, offset, items: rows.map((r) => ({ ...(JSON.parse(r.data) as EntityRow), statements: r.statements, claims: r.claims })) };
  }

  /** Where a dropped ledger id went (src/store/redirects.ts). */
  redirect(kind: RedirectKind, id: string): string[] {
    return redirectOf(this.db, kind, id);
  }

  entity(id: string): EntitySummary | null {
    this.ranks.fresh();
    const r = this.prepare('SELECT e.data, r.statements, r.claims FROM entities e JOIN temp.entity_rank r ON r.entity = e.id WHERE e.id = ?')
      .get(id) as { data: string; statements: number; claims: number } | undefined;
    return r ? { ...(JSON.parse(r.data) as EntityRow), statements: r.statements, claims: r.claims } : null;
  }

  /** Statements, oldest first (statement date, else publication date; undated last); optionally by speaker or document. */
  statements({ limit, offset }: PageArgs, filter: { speaker?: string; document?: string } = {}): Page<StatementView> {
    const conds: string[] = [];
    const args: string[] = [];
    if (filter.speaker) {
      conds.push('p.entity = ?');
      args.push(filter.speaker);
    }
    if (filter.document) {
      conds.push('s.document = ?');
      args.push(filter.document);
    }
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    this.ranks.fresh();
    // A statement has at most one speakers row (its primary key): unfiltered, the count is the table's.
    const all = this.ranks.counts().statements;
    const ofSpeaker = filter.speaker && !filter.document ? this.ranks.statementsOf(filter.speaker) : null;
    const total = ofSpeaker ?? (conds.length ? (this.prepare(`SELECT COUNT(*) FROM ${statementWithSpeaker} ${where}`).pluck().get(...args) as number) : all);
    if (ofSpeaker !== null && this.orderColumns) {
      // One speaker's page: a range of their statements in list order, numbered once per state of the store (ranks.ts).
      this.ranks.freshSpeakerOrder();
      const rows = this.prepare(`SELECT ${statementColumns} FROM temp.speaker_order o JOIN statements s ON s.rowid = o.statement ${speakerJoin} WHERE o.entity = ? AND o.pos > ? ORDER BY o.pos LIMIT ?`)
        .all(filter.speaker, offset, limit) as StatementDbRow[];
      return { total, limit, offset, items: this.statementViews(rows.map(statementOfRow)) };
    }
    // Date order (statement date, else publication date; undated last), then document, then as
    // written: the columns of statementOrder, or, in a read-only store written before them, the same computed.
    const rows = this.prepare(
        this.orderColumns
          ? `SELECT ${statementColumns} FROM statements s ${speakerJoin} ${where} ORDER BY ${statementOrder} LIMIT ? OFFSET ?`
          : `SELECT ${statementColumns} FROM ${statementWithSpeaker} LEFT JOIN documents d ON d.id = s.document ${where}
             ORDER BY COALESCE(s.date, d.published) IS NULL, COALESCE(s.date, d.published), d.seq, s.rowid LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as StatementDbRow[];
    return { total, limit, offset, items: this.statementViews(rows.map(statementOfRow)) };
  }

  statement(id: string): StatementView | null {
    const row = this.prepare(`SELECT ${statementColumns} FROM ${statementWithSpeaker} WHERE s.id = ?`).get(id) as StatementDbRow | undefined;
    return row ? this.statementViews([statementOfRow(row)])[0]! : null;
  }

  /** Events by most recent activity (latest claim date first, undated last). */
  events({ limit, offset }: PageArgs, filter: EventFilter = {}): Page<EventSummary> {
    const conds: string[] = [];
    const args: string[] = [];
    if (filter.status) {
      conds.push('v.status = ?');
      args.push(filter.status);
    }
    if (filter.type) {
      conds.push('v.type = ?');
      args.push(filter.type);
    }
    if (filter.q) {
      conds.push("v.label LIKE ? ESCAPE '\\'");
      args.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    this.ranks.fresh();
    const total = conds.length ? (this.prepare(`SELECT COUNT(*) FROM events v ${where}`).pluck().get(...args) as number) : this.ranks.counts().events;
    // Latest activity first, undated last: the order event_rank keeps.
    const rows = this.prepare(`SELECT ${eventColumns}, v.last_date, r.claims, r.conflicts FROM temp.event_rank r CROSS JOIN events v ON v.id = r.event ${where} ORDER BY r.rank LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as EventSummaryRow[];
    return { total, limit, offset, items: this.eventSummaries(rows) };
  }

  /** One event, a page of its claims in timeline order, and the conflicts that page shows, with both pieces of evidence. */
  event(id: string, page: PageArgs = { limit: TIMELINE_PAGE, offset: 0 }): EventDetail | null {
    this.ranks.fresh();
    const r = this.prepare(`SELECT ${eventColumns}, v.last_date, r.claims, r.conflicts FROM events v JOIN temp.event_rank r ON r.event = v.id WHERE v.id = ?`)
      .get(id) as EventSummaryRow | undefined;
    if (!r) return null;
    const event = this.eventSummaries([r])[0]!;
    const keyed = `SELECT c.id, COALESCE(c.date, d.published) AS date, c.rowid AS seq FROM claims c LEFT JOIN documents d ON d.id = c.document`;
    const keys = this.prepare(`${keyed} WHERE c.event = ? ORDER BY ${timelineOrderSql('c.rowid')} LIMIT ? OFFSET ?`).all(id, page.limit, page.offset) as TimelineKey[];
    const ids = keys.map((k) => k.id);
    // Lists bound as one JSON argument: one prepared statement whatever the page's size.
    const inList = 'IN (SELECT value FROM json_each(?))';
    const byId = new Map(this.claims(`c.id ${inList}`, JSON.stringify(ids)).map((c) => [c.id, c]));
    const timeline = this.claimViews(ids.map((i) => byId.get(i)!));
    const candidates = ids.length ? this.conflictRows(`WHERE k.event = ? AND (k.claim_a ${inList} OR k.claim_b ${inList}) ORDER BY k.rowid`, id, JSON.stringify(ids), JSON.stringify(ids)) : [];
    const off = [...new Set(candidates.flatMap((k) => k.claims))].filter((c) => !byId.has(c));
    const offKeys = off.length ? (this.prepare(`${keyed} WHERE c.id ${inList}`).all(JSON.stringify(off)) as TimelineKey[]) : [];
    const conflicts = this.conflictViews(conflictsOnPage(keys, candidates, new Map(offKeys.map((k) => [k.id, k]))));
    return { event, timeline, page, conflicts, episodes: episodes(conflicts).map((ep) => ({ claim: ep.claim, conflicts: ep.conflicts.map((k) => k.id) })) };
  }

  conflicts({ limit, offset }: PageArgs, filter: { kind?: string; event?: string } = {}): Page<ConflictView> {
    const conds: string[] = [];
    const args: string[] = [];
    if (filter.kind) {
      conds.push('kind = ?');
      args.push(filter.kind);
    }
    if (filter.event) {
      conds.push('event = ?');
      args.push(filter.event);
    }
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const total = this.prepare(`SELECT COUNT(*) FROM conflicts ${where}`).pluck().get(...args) as number;
    return { total, limit, offset, items: this.conflictViews(this.conflictRows(`${where} ORDER BY k.rowid LIMIT ? OFFSET ?`, ...args, limit, offset)) };
  }

  conflict(id: string): ConflictView | null {
    const rows = this.conflictRows('WHERE k.id = ?', id);
    return rows.length ? this.conflictViews(rows)[0]! : null;
  }

  /**
   * Full-text search over statements and documents (FTS5, best match first). Null for a query
   * with no words. Snippets come from bounded windows of each hit (snippet.ts), and a
   * document's text is read only as far as that window looks.
   */
  search(input: string, page: PageArgs, scope: 'all' | 'statements' | 'documents' = 'all'): SearchResult | null {
    const words = searchPlan(input);
    if (!words) return null;
    // Each term also finds the other spellings of the entity it names.
    this.ranks.freshSpellings();
    const plan = widenPlan(this.db, words);
    const q = plan.query;
    const pattern = termPattern(plan.terms);
    const snip = (text: string): string => snippetOf(text, pattern, MARK_OPEN, MARK_CLOSE);
    const empty = <T>(): Page<T> => ({ total: 0, limit: page.limit, offset: page.offset, items: [] });
    let statements = empty<SearchHit<StatementView>>();
    let documents = empty<SearchHit<DocumentSummary>>();
    if (scope !== 'documents') {
      const total = this.prepare('SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH ?').pluck().get(q) as number;
      const rows = this.prepare(
          // The page of hits first, then only its rows joined: joined before the LIMIT, every
          // match of a common word was looked up to be sorted.
          `SELECT ${statementColumns}
           FROM ${hitsOf('statements_fts')}
           JOIN statements s ON s.rowid = hit.rowid
           ${speakerJoin}
           ORDER BY hit.score, hit.rowid`,
        )
        .all(...hitArgs(q, page)) as StatementDbRow[];
      const views = this.statementViews(rows.map(statementOfRow));
      statements = { total, limit: page.limit, offset: page.offset, items: views.map((item) => ({ item, snippet: snip(item.text) })) };
    }
    if (scope !== 'statements') {
      const total = this.prepare('SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck().get(q) as number;
      const rows = this.prepare(
          `SELECT ${docRefColumns},
             (SELECT COUNT(*) FROM statements s WHERE s.document = d.id) AS statements,
             (SELECT COUNT(*) FROM claims c WHERE c.document = d.id) AS claims,
             d.text AS head
           FROM ${hitsOf('documents_fts')}
           JOIN documents d ON d.rowid = hit.rowid
           ORDER BY hit.score, hit.rowid`,
        )
        .all(...hitArgs(q, page)) as Array<DocRefDbRow & { statements: number; claims: number; head: string | Buffer }>;
      // The snippet looks in the first SNIPPET_SCAN characters (snippet.ts) of the text, unpacked.
      documents = { total, limit: page.limit, offset: page.offset, items: rows.map(({ head, ...item }) => ({ item: docRefOf(item), snippet: snip(unpackText(head).slice(0, SNIPPET_SCAN + 1)) })) };
    }
    const ledger = scope === 'all' ? searchLedger(this.db, this, q, page, snip) : { events: empty<SearchHit<EventSummary>>(), conflicts: empty<SearchHit<ConflictHit>>() };
    return { query: q, statements, documents, ...ledger };
  }
}
