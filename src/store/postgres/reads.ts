/**
 * The API's reads over a PostgreSQL store (the LedgerReads port): the same pages, orders,
 * totals and views as src/store/queries.ts reads from SQLite. Lists are ordered in SQL (no
 * per-connection rank tables: every request may go to another pooled connection); search uses
 * the tsvector columns and GIN indexes of migration 2, best match (ts_rank) first.
 */
import type pg from 'pg';
import type { ClaimEvidence, ClaimRow, ClaimView, ConflictHit, ConflictRow, ConflictView, DocumentRef, EntityRow, EventRow, StatementView } from '../../core/rows.js';
import type { StatementCore } from '../../report/export.js';
import { ANALYSED_LANGUAGES } from '../../core/analysed-languages.js';
import { documentUrl, shareableSource } from '../../core/source-ref.js';
import { episodes } from '../../conflicts/episodes.js';
import { candidatesFor } from '../search-hits.js';
import { unpackJson } from '../packed.js';
import { speakerJoin } from '../schema.js';
import { pgStatementColumns as statementColumns, statementOfRow, type StatementDbRow } from '../statement-row.js';
import { pickSpellings, widenGroups } from '../search-terms.js';
import { snippetOf, termPattern, SNIPPET_SCAN } from '../snippet.js';
import { contextWindow, searchPlan, MARK_CLOSE, MARK_OPEN, type DocumentSummary, type DocumentView, type EntitySummary, type EventDetail, type EventFilter, type EventSummary, type Page, type PageArgs, type SearchHit, type SearchResult } from '../queries.js';
import type { TableCounts } from '../ranks.js';
import type { StoredAnalysis } from '../store.js';
import type { RedirectKind } from '../redirects.js';
import type { LedgerReads } from '../port.js';
import { TIMELINE_PAGE, conflictHit, conflictSources, conflictsOnPage, documentView, sourceOfRef, timelineOrderSql, type TimelineKey } from '../views.js';
import { STORY_CLAIMS, STORY_CONFLICTS, storyFacetSql, storyOrder, storyWhere, type Facet, type StoryFacets, type StoryFilter, type StoryPage } from '../story.js';
import type { ChangeRow, ChangesOptions } from '../../watch/state.js';
import { pgChangesSince } from './watch.js';

type DocRefDbRow = Omit<DocumentRef, 'authors' | 'url'>;
const docRefColumns = 'd.id, d.source, d.title, d.published, d.outlet, d.language';

/** Documents whose URL and authors are kept (about 200 bytes each): a stored document never changes. */
const DOC_SOURCES_KEPT = 20_000;

const dateStart = (d: ClaimRow['date']): string | null => (typeof d === 'string' ? d : (d?.start ?? null));
const like = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const parse = <T>(rows: Array<{ data: string }>): T[] => rows.map((r) => JSON.parse(r.data) as T);
/** COUNT(*) comes back as a bigint string. */
const int = (v: unknown): number => Number(v ?? 0);

/** SQL written with `?` placeholders (the story's, shared with SQLite), numbered for node-postgres. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Conditions joined with AND, their parameters numbered from $1. */
class Where {
  readonly conds: string[] = [];
  readonly args: unknown[] = [];
  add(sql: (p: string) => string, value: unknown): this {
    this.args.push(value);
    this.conds.push(sql(`$${this.args.length}`));
    return this;
  }
  get sql(): string {
    return this.conds.length ? `WHERE ${this.conds.join(' AND ')}` : '';
  }
  /** The next parameters' placeholders, for LIMIT and OFFSET. */
  next(n: number): string[] {
    return Array.from({ length: n }, (_, i) => `$${this.args.length + i + 1}`);
  }
}

/** Timeline keys as read: row_no, a BIGINT, comes back a string. */
const timelineKeys = (rows: TimelineKey[]): TimelineKey[] => rows.map((k) => ({ ...k, seq: Number(k.seq) }));

const EVENT_COUNTS = '(SELECT COUNT(*) FROM claims c WHERE c.event = v.id) AS claims, (SELECT COUNT(*) FROM conflicts k WHERE k.event = v.id) AS conflicts';
/** Latest activity first, undated last: the order of the events list (ranks.ts event_rank). */
const EVENT_ORDER = 'v.last_date IS NULL, v.last_date DESC, v.row_no';
/** Oldest first, undated last, then by document, then as written (schema.ts statementOrder). */
const STATEMENT_ORDER = 's.sort_date IS NULL, s.sort_date, s.doc_seq, s.row_no';
/** Most statements, then most claims, then by name (ranks.ts entity_rank), as the ledger's writer counted them (postgres/ranks.ts); "C": byte order, as SQLite compares. */
const ENTITY_RANKED = 'SELECT e.data, e.name, e.n_statements AS statements, e.n_claims AS claims FROM entities e';
const ENTITY_ORDER = 'e.n_statements DESC, e.n_claims DESC, e.name COLLATE "C"';

type EventDbRow = { data: string; last_date: string | null; claims: string | number; conflicts: string | number };

type Stats = TableCounts & { notAnalysed: Array<{ language: string; documents: number }> };

export class PgReads implements LedgerReads {
  /** Each document's URL and authors, by id, unpacked once (withSources). */
  private readonly docSources = new Map<string, { url: string | null; authors: string[] }>();
  /** The counts of the store's last state read, and that state (stats). */
  private counted?: { key: string; counts: Promise<Stats> };

  constructor(private readonly pool: pg.Pool) {}

  private async rows<T extends pg.QueryResultRow>(sql: string, args: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, args)).rows;
  }

  private async count(sql: string, args: unknown[] = []): Promise<number> {
    return int((await this.rows<{ n: string }>(sql, args))[0]?.n);
  }

  // ------------------------------------------------------------ lookups

  /**
   * Rows of documents with their URL and authors, which are kept in the packed analysis: each
   * document's unpacked once, in one query for those not kept yet, and kept (a whole analysis
   * unpacked to read two fields was most of the time of a page of documents, claims or conflicts).
   */
  private async withSources<T extends DocRefDbRow>(rows: T[]): Promise<Array<T & DocumentRef>> {
    const missing = rows.filter((r) => !this.docSources.has(r.id)).map((r) => r.id);
    if (missing.length) {
      for (const r of await this.rows<{ id: string; analysis: Buffer }>('SELECT id, analysis FROM documents WHERE id = ANY($1)', [missing])) {
        const m = unpackJson<StoredAnalysis>(r.analysis).meta;
        if (this.docSources.size >= DOC_SOURCES_KEPT) this.docSources.delete(this.docSources.keys().next().value!);
        this.docSources.set(r.id, { url: m.url ?? null, authors: m.authors ?? [] });
      }
    }
    return rows.map((r) => {
      const m = this.docSources.get(r.id) ?? { url: null, authors: [] };
      return { ...r, source: shareableSource(r.source), url: documentUrl({ url: m.url }, r.source), authors: m.authors };
    });
  }

  private async docRefs(ids: Iterable<string>): Promise<Map<string, DocumentRef>> {
    const rows = await this.rows<DocRefDbRow>(`SELECT ${docRefColumns} FROM documents d WHERE id = ANY($1)`, [[...new Set(ids)]]);
    return new Map((await this.withSources(rows)).map((r) => [r.id, r]));
  }

  private async entityNames(ids: Iterable<string>): Promise<Map<string, { name: string; side: string | null }>> {
    const rows = await this.rows<{ id: string; name: string; side: string | null }>('SELECT id, name, side FROM entities WHERE id = ANY($1)', [[...new Set(ids)]]);
    const m = new Map(rows.map((r) => [r.id, { name: r.name, side: r.side }]));
    // A side may itself be an entity id: show its name.
    const sides = rows.map((r) => r.side).filter((s): s is string => !!s && !m.has(s));
    if (sides.length) {
      const names = new Map((await this.rows<{ id: string; name: string }>('SELECT id, name FROM entities WHERE id = ANY($1)', [sides])).map((r) => [r.id, r.name]));
      for (const v of m.values()) if (v.side && names.has(v.side)) v.side = names.get(v.side)!;
    }
    for (const v of m.values()) if (v.side && m.has(v.side)) v.side = m.get(v.side)!.name;
    return m;
  }

  private missingDoc = (id: string): DocumentRef => ({ id, source: id, title: null, language: null, url: null, outlet: null, authors: [], published: null });

  private async statementViews(rows: StatementCore[]): Promise<StatementView[]> {
    const docs = await this.docRefs(rows.map((r) => r.document));
    const names = await this.entityNames(rows.flatMap((r) => (r.speaker ? [r.speaker] : [])));
    return rows.map((r) => {
      const doc = docs.get(r.document) ?? this.missingDoc(r.document);
      return { ...r, ...sourceOfRef(doc), speakerName: r.speaker ? (names.get(r.speaker)?.name ?? null) : null, doc };
    });
  }

  private async claimViews(rows: ClaimRow[]): Promise<ClaimView[]> {
    const docs = await this.docRefs(rows.map((r) => r.document));
    const names = await this.entityNames(rows.flatMap((r) => (r.source ? [r.source] : [])));
    return rows.map((r) => {
      const doc = docs.get(r.document) ?? this.missingDoc(r.document);
      const ent = r.source ? names.get(r.source) : undefined;
      const sourceName = ent?.name ?? r.sourceText ?? (doc.outlet ? `${doc.outlet} (the article)` : 'the article');
      return { ...r, ...sourceOfRef(doc), sourceName, side: ent?.side ?? sourceName, sortDate: dateStart(r.date) ?? doc.published, doc };
    });
  }

  /** Each claim's evidence in its context, the documents' texts read in one query. */
  private async evidence(claims: Array<ClaimView | null>): Promise<ClaimEvidence[]> {
    const ids = [...new Set(claims.flatMap((c) => (c ? [c.document] : [])))];
    const texts = new Map((await this.rows<{ id: string; text: string }>('SELECT id, text FROM documents WHERE id = ANY($1)', [ids])).map((r) => [r.id, r.text]));
    return claims.map((claim) => {
      const text = claim ? texts.get(claim.document) : undefined;
      return claim ? { claim, context: text === undefined ? null : contextWindow(text, claim.span.start, claim.span.end) } : { claim: null, context: null };
    });
  }

  private async conflictViews(rows: Array<Omit<ConflictRow, 'sources'>>): Promise<ConflictView[]> {
    const { claims, labels } = await this.conflictParts(rows);
    const evidence = await this.evidence(rows.flatMap((k) => [claims.get(k.claims[0]) ?? null, claims.get(k.claims[1]) ?? null]));
    return rows.map((k, i) => ({
      ...k,
      sources: conflictSources(k, claims),
      eventLabel: labels.get(k.event) ?? null,
      a: evidence[2 * i]!,
      b: evidence[2 * i + 1]!,
    }));
  }

  /** The claims of these conflicts, as views, and the labels of their events. */
  private async conflictParts(rows: Array<Omit<ConflictRow, 'sources'>>): Promise<{ claims: Map<string, ClaimView>; labels: Map<string, string> }> {
    const claims = new Map((await this.claimViews(parse<ClaimRow>(await this.rows('SELECT data FROM claims WHERE id = ANY($1)', [rows.flatMap((k) => k.claims)])))).map((c) => [c.id, c]));
    const labels = new Map((await this.rows<{ id: string; label: string }>('SELECT id, label FROM events WHERE id = ANY($1)', [rows.map((k) => k.event)])).map((r) => [r.id, r.label]));
    return { claims, labels };
  }

  private async eventSummaries(rows: EventDbRow[]): Promise<EventSummary[]> {
    const events = rows.map((r) => ({ row: JSON.parse(r.data) as EventRow, r }));
    const names = await this.entityNames(events.flatMap((e) => e.row.participants));
    return events.map(({ row, r }) => ({ ...row, participantNames: row.participants.map((p) => names.get(p)?.name ?? p), lastDate: r.last_date, claims: int(r.claims), conflicts: int(r.conflicts) }));
  }

  // ------------------------------------------------------------ views

  /** What changes whenever a count can: the last document added, and the ledger's last write (its store_meta row's version, xmin). */
  private async stateKey(): Promise<string> {
    const r = (await this.rows<{ seq: string | null; ledger: string | null }>(`SELECT (SELECT MAX(seq) FROM documents) AS seq, (SELECT xmin::text FROM store_meta WHERE key = 'ledger_of') AS ledger`))[0]!;
    return `${r.seq}:${r.ledger}`;
  }

  /**
   * Every table's size and the documents not analysed, counted once per state of the store (as
   * SQLite's ranks.ts counts once per state of its connection), not on every request: a count
   * reads the whole table. Requests that arrive while it is counted share the count.
   */
  async stats(): Promise<Stats> {
    const key = await this.stateKey();
    if (this.counted?.key !== key) {
      const counts = this.countAll();
      this.counted = { key, counts };
      counts.catch(() => {
        if (this.counted?.counts === counts) this.counted = undefined;
      });
    }
    return this.counted.counts;
  }

  private async countAll(): Promise<Stats> {
    const c = (await this.rows<Record<keyof TableCounts, string>>(
      `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM entities) AS entities, (SELECT COUNT(*) FROM statements) AS statements,
              (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM claims) AS claims, (SELECT COUNT(*) FROM conflicts) AS conflicts`,
    ))[0]!;
    const notAnalysed = await this.rows<{ language: string; documents: string }>(
      'SELECT language, COUNT(*) AS documents FROM documents WHERE language IS NOT NULL AND NOT (language = ANY($1)) GROUP BY language ORDER BY documents DESC, language COLLATE "C"',
      [[...ANALYSED_LANGUAGES]],
    );
    return {
      documents: int(c.documents), entities: int(c.entities), statements: int(c.statements), events: int(c.events), claims: int(c.claims), conflicts: int(c.conflicts),
      notAnalysed: notAnalysed.map((r) => ({ language: r.language, documents: int(r.documents) })),
    };
  }

  /** A list's total: the table's size when nothing filters it, else counted. */
  private async total(table: keyof TableCounts, w: Where, count: string): Promise<number> {
    return w.conds.length ? this.count(count, w.args) : (await this.stats())[table];
  }

  async documents({ limit, offset }: PageArgs): Promise<Page<DocumentSummary>> {
    const total = (await this.stats()).documents;
    const rows = await this.rows<DocRefDbRow & { statements: string; claims: string }>(
      `SELECT ${docRefColumns}, (SELECT COUNT(*) FROM statements s WHERE s.document = d.id) AS statements, (SELECT COUNT(*) FROM claims c WHERE c.document = d.id) AS claims
       FROM documents d ORDER BY seq LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { total, limit, offset, items: (await this.withSources(rows)).map((r) => ({ ...r, statements: int(r.statements), claims: int(r.claims) })) };
  }

  async document(id: string): Promise<DocumentView | null> {
    const r = (await this.rows<{ id: string; source: string; text: string; analysis: Buffer; duplicate_of: string | null }>('SELECT id, source, text, analysis, duplicate_of FROM documents WHERE id = $1', [id]))[0];
    if (!r) return null;
    const m = unpackJson<StoredAnalysis>(r.analysis).meta;
    const statements = await this.statementViews((await this.rows<StatementDbRow>(`SELECT ${statementColumns} FROM statements s ${speakerJoin} WHERE s.document = $1 ORDER BY s.row_no`, [id])).map(statementOfRow));
    const claims = await this.claimViews(parse<ClaimRow>(await this.rows('SELECT data FROM claims WHERE document = $1 ORDER BY row_no', [id])));
    return documentView(r, m, statements, claims);
  }

  async entities({ limit, offset }: PageArgs, q?: string): Promise<Page<EntitySummary>> {
    const w = new Where();
    if (q) w.add((p) => `(e.name ILIKE ${p} OR e.data ILIKE ${p})`, like(q));
    const total = await this.total('entities', w, `SELECT COUNT(*) AS n FROM entities e ${w.sql}`);
    const [l, o] = w.next(2);
    const rows = await this.rows<{ data: string; statements: string; claims: string }>(`${ENTITY_RANKED} ${w.sql} ORDER BY ${ENTITY_ORDER} LIMIT ${l} OFFSET ${o}`, [...w.args, limit, offset]);
    return { total, limit, offset, items: rows.map((r) => ({ ...(JSON.parse(r.data) as EntityRow), statements: int(r.statements), claims: int(r.claims) })) };
  }

  async entity(id: string): Promise<EntitySummary | null> {
    const r = (await this.rows<{ data: string; statements: string; claims: string }>(`${ENTITY_RANKED} WHERE e.id = $1`, [id]))[0];
    return r ? { ...(JSON.parse(r.data) as EntityRow), statements: int(r.statements), claims: int(r.claims) } : null;
  }

  async statements({ limit, offset }: PageArgs, filter: { speaker?: string; document?: string } = {}): Promise<Page<StatementView>> {
    const w = new Where();
    if (filter.speaker) w.add((p) => `p.entity = ${p}`, filter.speaker);
    if (filter.document) w.add((p) => `s.document = ${p}`, filter.document);
    // One speaker's statements are as many as the ledger's writer counted for them (postgres/ranks.ts).
    const total =
      filter.speaker && !filter.document
        ? int((await this.rows<{ n: number }>('SELECT n_statements AS n FROM entities WHERE id = $1', [filter.speaker]))[0]?.n)
        : await this.total('statements', w, `SELECT COUNT(*) AS n FROM statements s ${speakerJoin} ${w.sql}`);
    const [l, o] = w.next(2);
    const rows = await this.rows<StatementDbRow>(`SELECT ${statementColumns} FROM statements s ${speakerJoin} ${w.sql} ORDER BY ${STATEMENT_ORDER} LIMIT ${l} OFFSET ${o}`, [...w.args, limit, offset]);
    return { total, limit, offset, items: await this.statementViews(rows.map(statementOfRow)) };
  }

  async statement(id: string): Promise<StatementView | null> {
    const row = (await this.rows<StatementDbRow>(`SELECT ${statementColumns} FROM statements s ${speakerJoin} WHERE s.id = $1`, [id]))[0];
    return row ? (await this.statementViews([statementOfRow(row)]))[0]! : null;
  }

  async events({ limit, offset }: PageArgs, filter: EventFilter = {}): Promise<Page<EventSummary>> {
    const w = new Where();
    if (filter.status) w.add((p) => `v.status = ${p}`, filter.status);
    if (filter.type) w.add((p) => `v.type = ${p}`, filter.type);
    if (filter.q) w.add((p) => `v.label ILIKE ${p}`, like(filter.q));
    const total = await this.total('events', w, `SELECT COUNT(*) AS n FROM events v ${w.sql}`);
    const [l, o] = w.next(2);
    const rows = await this.rows<EventDbRow>(`SELECT v.data, v.last_date, ${EVENT_COUNTS} FROM events v ${w.sql} ORDER BY ${EVENT_ORDER} LIMIT ${l} OFFSET ${o}`, [...w.args, limit, offset]);
    return { total, limit, offset, items: await this.eventSummaries(rows) };
  }

  async event(id: string, page: PageArgs = { limit: TIMELINE_PAGE, offset: 0 }): Promise<EventDetail | null> {
    const r = (await this.rows<EventDbRow>(`SELECT v.data, v.last_date, ${EVENT_COUNTS} FROM events v WHERE v.id = $1`, [id]))[0];
    if (!r) return null;
    const event = (await this.eventSummaries([r]))[0]!;
    // "C": byte order, as the timeline's keys compare (views.ts beforeInTimeline).
    const keyed = 'SELECT c.id, COALESCE(c.date, d.published) AS date, c.row_no AS seq FROM claims c LEFT JOIN documents d ON d.id = c.document';
    const keys = timelineKeys(await this.rows<TimelineKey>(`${keyed} WHERE c.event = $1 ORDER BY ${timelineOrderSql('c.row_no', ' COLLATE "C"')} LIMIT $2 OFFSET $3`, [id, page.limit, page.offset]));
    const ids = keys.map((k) => k.id);
    const byId = new Map(parse<ClaimRow>(await this.rows('SELECT data FROM claims WHERE id = ANY($1)', [ids])).map((c) => [c.id, c]));
    const timeline = await this.claimViews(ids.map((i) => byId.get(i)!));
    const candidates = ids.length ? parse<ConflictRow>(await this.rows('SELECT data FROM conflicts WHERE event = $1 AND (claim_a = ANY($2) OR claim_b = ANY($2)) ORDER BY row_no', [id, ids])) : [];
    const off = [...new Set(candidates.flatMap((k) => k.claims))].filter((c) => !byId.has(c));
    const offKeys = off.length ? timelineKeys(await this.rows<TimelineKey>(`${keyed} WHERE c.id = ANY($1)`, [off])) : [];
    const conflicts = await this.conflictViews(conflictsOnPage(keys, candidates, new Map(offKeys.map((k) => [k.id, k]))));
    return { event, timeline, page, conflicts, episodes: episodes(conflicts).map((ep) => ({ claim: ep.claim, conflicts: ep.conflicts.map((k) => k.id) })) };
  }

  async conflicts({ limit, offset }: PageArgs, filter: { kind?: string; event?: string } = {}): Promise<Page<ConflictView>> {
    const w = new Where();
    if (filter.kind) w.add((p) => `kind = ${p}`, filter.kind);
    if (filter.event) w.add((p) => `event = ${p}`, filter.event);
    const total = await this.total('conflicts', w, `SELECT COUNT(*) AS n FROM conflicts ${w.sql}`);
    const [l, o] = w.next(2);
    const rows = parse<ConflictRow>(await this.rows(`SELECT data FROM conflicts ${w.sql} ORDER BY row_no LIMIT ${l} OFFSET ${o}`, [...w.args, limit, offset]));
    return { total, limit, offset, items: await this.conflictViews(rows) };
  }

  async conflict(id: string): Promise<ConflictView | null> {
    const r = (await this.rows<{ data: string }>('SELECT data FROM conflicts WHERE id = $1', [id]))[0];
    return r ? (await this.conflictViews([JSON.parse(r.data) as ConflictRow]))[0]! : null;
  }

  async redirect(kind: RedirectKind, id: string): Promise<string[]> {
    return (await this.rows<{ new: string }>('SELECT new FROM redirects WHERE kind = $1 AND old = $2 ORDER BY shared DESC, new COLLATE "C"', [kind, id])).map((r) => r.new);
  }

  async story({ limit, offset }: PageArgs, f: StoryFilter = {}): Promise<StoryPage> {
    const { where, args } = storyWhere(f, 'ILIKE');
    const min = f.minClaims ?? 0;
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const counts = (await this.rows<{ total: string; folded: string }>(numbered(`SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE ${STORY_CLAIMS} < ?) AS folded FROM events v ${base}`), [min, ...args]))[0]!;
    const kept = `${base ? `${base} AND` : 'WHERE'} ${STORY_CLAIMS} >= ?`;
    // Ordered outside: PostgreSQL reads an output name in an ORDER BY expression (conflicts > 0) only from a subquery.
    const rows = await this.rows<EventDbRow>(
      numbered(`SELECT data, last_date, claims, conflicts FROM (SELECT v.data, v.last_date, v.row_no, ${STORY_CLAIMS} AS claims, ${STORY_CONFLICTS} AS conflicts FROM events v ${kept}) v
        ORDER BY ${storyOrder('v.row_no')} LIMIT ? OFFSET ?`),
      [...args, min, limit, offset],
    );
    const folded = int(counts.folded);
    return { total: int(counts.total) - folded, limit, offset, folded, items: await this.eventSummaries(rows) };
  }

  async storyFacets(): Promise<StoryFacets> {
    const sql = storyFacetSql('(SELECT id AS source, n_claims AS n FROM entities WHERE n_claims > 0)', ' COLLATE "C"');
    const facet = async (q: string): Promise<Facet[]> => (await this.rows<{ value: string; label: string; count: string }>(q)).map((r) => ({ ...r, count: int(r.count) }));
    const [outlets, languages, speakers, sides, kinds, dates] = await Promise.all([facet(sql.outlets), facet(sql.languages), facet(sql.speakers), facet(sql.sides), facet(sql.kinds), this.rows<StoryFacets['dates']>(sql.dates)]);
    return { outlets, languages, speakers, sides, kinds, dates: dates[0]! };
  }

  async changes(since: { seq?: number; time?: string }, opts?: ChangesOptions): Promise<ChangeRow[]> {
    return pgChangesSince(this.pool, since, opts);
  }

  /** The names and aliases of the entities `term` names (any case), for search-terms.ts pickSpellings. */
  private async spellings(term: string): Promise<string[]> {
    const rows = await this.rows<{ name: string; aliases: string[] | null }>(
      `SELECT e.name, e.data::json->'aliases' AS aliases FROM entities e
       WHERE lower(e.name) = lower($1) OR (lower(e.data)::jsonb -> 'aliases') ? lower($1) LIMIT 4`,
      [term],
    );
    return pickSpellings(term, rows.flatMap((r) => [r.name, ...(r.aliases ?? [])]));
  }

  /**
   * Full-text search: every term required, each term's spellings OR-ed, a quoted phrase a
   * phrase (phraseto_tsquery); best match first. The result's `query` is the FTS5 query the
   * SQLite store would run, so both backends answer the same text.
   */
  async search(input: string, page: PageArgs, scope: 'all' | 'statements' | 'documents' = 'all'): Promise<SearchResult | null> {
    const words = searchPlan(input);
    if (!words) return null;
    const groups = await Promise.all(words.terms.map((t) => this.spellings(t)));
    const plan = widenGroups(groups);
    const variants = groups.flat();
    // One parameter a variant, from $1; the tsquery ORs each group's phrases and ANDs the groups.
    let n = 0;
    const tsquery = groups.map((g) => `(${g.map(() => `phraseto_tsquery('english', $${++n})`).join(' || ')})`).join(' && ');
    const q = `(SELECT ${tsquery} AS q)`;
    const pattern = termPattern(plan.terms);
    const snip = (text: string): string => snippetOf(text, pattern, MARK_OPEN, MARK_CLOSE);
    const empty = <T>(): Page<T> => ({ total: 0, limit: page.limit, offset: page.offset, items: [] });
    /**
     * A page of one table's hits, best match first, and how many there are, ranked as SQLite
     * ranks them (src/store/search-hits.ts): among the latest CANDIDATES matches (or as many as
     * the page reaches), not every match, whose ranks would read every match's words (every
     * request timed out on a common word at 50,000 articles). The page's columns are read for
     * its rows only.
     */
    const hits = async <R extends pg.QueryResultRow>(table: string, alias: string, select: string, joins = ''): Promise<{ total: number; rows: R[] }> => {
      const order = table === 'documents' ? 'seq' : 'row_no';
      const l = variants.length + 1;
      const rows = await this.rows<R>(
        `WITH cand AS (SELECT x.id, x.${order} AS o FROM ${table} x, ${q} t WHERE x.fts @@ t.q ORDER BY x.${order} DESC LIMIT $${l + 2}),
         hit AS (SELECT c.id, c.o, ts_rank(x.fts, t.q) AS r FROM cand c JOIN ${table} x ON x.id = c.id, ${q} t ORDER BY r DESC, c.o LIMIT $${l} OFFSET $${l + 1})
         SELECT ${select} FROM hit JOIN ${table} ${alias} ON ${alias}.id = hit.id ${joins} ORDER BY hit.r DESC, hit.o`,
        [...variants, page.limit, page.offset, candidatesFor(page)],
      );
      const total = await this.count(`SELECT COUNT(*) AS n FROM ${table} x, ${q} t WHERE x.fts @@ t.q`, variants);
      return { total, rows };
    };
    let statements = empty<SearchHit<StatementView>>();
    let documents = empty<SearchHit<DocumentSummary>>();
    let events = empty<SearchHit<EventSummary>>();
    let conflicts = empty<SearchHit<ConflictHit>>();
    if (scope !== 'documents') {
      const { total, rows } = await hits<StatementDbRow>('statements', 's', statementColumns, speakerJoin);
      const views = await this.statementViews(rows.map(statementOfRow));
      statements = { total, limit: page.limit, offset: page.offset, items: views.map((item) => ({ item, snippet: snip(item.text) })) };
    }
    if (scope !== 'statements') {
      const { total, rows } = await hits<DocRefDbRow & { statements: string; claims: string; head: string }>(
        'documents',
        'd',
        `${docRefColumns}, (SELECT COUNT(*) FROM statements s WHERE s.document = d.id) AS statements, (SELECT COUNT(*) FROM claims c WHERE c.document = d.id) AS claims, substr(d.text, 1, ${SNIPPET_SCAN + 1}) AS head`,
      );
      documents = { total, limit: page.limit, offset: page.offset, items: (await this.withSources(rows)).map(({ head, ...r }) => ({ item: { ...r, statements: int(r.statements), claims: int(r.claims) }, snippet: snip(head) })) };
    }
    if (scope === 'all') {
      const ev = await hits<EventDbRow>('events', 'v', `v.data, v.last_date, ${EVENT_COUNTS}`);
      const evItems = await this.eventSummaries(ev.rows);
      events = { total: ev.total, limit: page.limit, offset: page.offset, items: evItems.map((item) => ({ item, snippet: snip([item.label, item.place, item.participantNames.join(', ')].filter(Boolean).join(' · ')) })) };
      const ks = await hits<{ data: string }>('conflicts', 'k', 'k.data');
      const kRows = parse<ConflictRow>(ks.rows);
      const { claims, labels } = await this.conflictParts(kRows);
      const kItems = kRows.map((k) => conflictHit(k, claims, labels.get(k.event) ?? null));
      conflicts = { total: ks.total, limit: page.limit, offset: page.offset, items: kItems.map(({ item, text }) => ({ item, snippet: snip(text) })) };
    }
    return { query: plan.query, statements, documents, events, conflicts };
  }
}
