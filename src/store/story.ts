/**
 * The story page's queries: events an editor triages (conflicts first, then the most recent
 * activity; events with few claims folded away on request) under filters on their claims
 * (outlet, date, speaker, side, language), their status and their conflicts' kinds, and the
 * values each filter can take. Kept apart from queries.ts: these only read, over its tables.
 */
import type Database from 'better-sqlite3';
import type { EventSummary, EventSummaryRow, Page, PageArgs, Queries } from './queries.js';
import { eventColumns } from './ledger-rows.js';

export interface StoryFilter {
  status?: string;
  type?: string;
  q?: string;
  /** Events with at least this many claims (the folded ones are counted in `folded`). */
  minClaims?: number;
  /** Claim filters: an event stays when one of its claims passes all of them. */
  outlet?: string;
  language?: string;
  speaker?: string;
  side?: string;
  /** A claim's date (else its article's publication date), ISO, inclusive. */
  from?: string;
  to?: string;
  /** An event stays when it has a conflict of this kind. */
  kind?: string;
}

export interface StoryPage extends Page<EventSummary> {
  /** Events that pass every filter but have fewer than `minClaims` claims. */
  folded: number;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

/** The values each story filter can take, with how many claims (events for kinds) carry each. */
export interface StoryFacets {
  outlets: Facet[];
  languages: Facet[];
  speakers: Facet[];
  sides: Facet[];
  kinds: Facet[];
  /** The earliest and latest claim date. */
  dates: { from: string | null; to: string | null };
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters on the event row, each a condition on `events v` taking the filter's value. */
const EVENT_CONDITIONS: Array<[keyof StoryFilter, string]> = [
  ['status', 'v.status = ?'],
  ['type', 'v.type = ?'],
  ['q', "v.label LIKE ? ESCAPE '\\'"],
];
/** The filters on an event's claims: `c` the claim, `d` its document, `e` its source entity. */
const CLAIM_CONDITIONS: Array<[keyof StoryFilter, string]> = [
  ['outlet', 'd.outlet = ?'],
  ['language', 'd.language = ?'],
  ['speaker', 'c.source = ?'],
  ['side', 'e.side = ?'],
  ['from', 'substr(COALESCE(c.date, d.published), 1, 10) >= ?'],
  ['to', 'substr(COALESCE(c.date, d.published), 1, 10) <= ?'],
];

/**
 * The WHERE conditions over `events v` and their arguments (`?` placeholders), without the
 * claim-count fold. `like`: SQLite's LIKE folds ASCII case, PostgreSQL's ILIKE does.
 */
export function storyWhere(f: StoryFilter, like: 'LIKE' | 'ILIKE' = 'LIKE'): { where: string[]; args: Array<string | number> } {
  const value = (k: keyof StoryFilter): string | undefined => {
    const v = f[k];
    if (v === undefined || v === '') return undefined;
    return k === 'q' ? `%${escapeLike(String(v))}%` : String(v);
  };
  const pick = (conds: Array<[keyof StoryFilter, string]>) => conds.flatMap(([k, sql]) => (value(k) === undefined ? [] : [{ sql, arg: value(k)! }]));
  const onEvent = pick(like === 'LIKE' ? EVENT_CONDITIONS : EVENT_CONDITIONS.map(([k, sql]): [keyof StoryFilter, string] => [k, sql.replace(' LIKE ', ` ${like} `)]));
  const onClaim = pick(CLAIM_CONDITIONS);
  const where = onEvent.map((c) => c.sql);
  const args: Array<string | number> = onEvent.map((c) => c.arg);
  if (onClaim.length) {
    // The events of the claims that pass, found in one pass over the claims: a test of each
    // event's claims (EXISTS) read every event's claims through the index, ten times slower.
    where.push(`v.id IN (SELECT c.event FROM claims c LEFT JOIN documents d ON d.id = c.document LEFT JOIN entities e ON e.id = c.source WHERE ${onClaim.map((c) => c.sql).join(' AND ')})`);
    args.push(...onClaim.map((c) => c.arg));
  }
  if (f.kind) {
    where.push('v.id IN (SELECT k.event FROM conflicts k WHERE k.kind = ?)');
    args.push(f.kind);
  }
  return { where, args };
}

export const STORY_CLAIMS = '(SELECT COUNT(*) FROM claims c WHERE c.event = v.id)';
export const STORY_CONFLICTS = '(SELECT COUNT(*) FROM conflicts k WHERE k.event = v.id)';
/** Conflicts first, then the latest activity (undated last), then most claims; `tie` the column of the order written. */
export const storyOrder = (tie: string): string => `conflicts > 0 DESC, v.last_date IS NULL, v.last_date DESC, claims DESC, ${tie}`;

/**
 * Events with conflicts first, then by most recent activity (undated last); filtered and
 * folded. The order and the counts come from temp.story_rank (ranks.ts), numbered once per
 * state of the store: unfiltered, a page is a range of it and the counts a scan of its numbers.
 */
export function storyEvents(db: Database.Database, queries: Queries, { limit, offset }: PageArgs, f: StoryFilter = {}): StoryPage {
  const { where, args } = storyWhere(f);
  const min = f.minClaims ?? 0;
  queries.ranks.freshStory();
  // The events row is read only for a filter on it (or on its claims or conflicts, by its id).
  const from = where.length ? 'temp.story_rank s CROSS JOIN events v ON v.id = s.event' : 'temp.story_rank s';
  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts = db.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(s.claims < ?), 0) AS folded FROM ${from} ${base}`).get(min, ...args) as { total: number; folded: number };
  const rows = db
    .prepare(
      `SELECT ${eventColumns}, v.last_date, s.claims, s.conflicts
       FROM temp.story_rank s CROSS JOIN events v ON v.id = s.event ${base ? `${base} AND` : 'WHERE'} s.claims >= ?
       ORDER BY s.rank LIMIT ? OFFSET ?`,
    )
    .all(...args, min, limit, offset) as EventSummaryRow[];
  return { total: counts.total - counts.folded, limit, offset, folded: counts.folded, items: queries.eventSummaries(rows) };
}

/**
 * What the story filters offer, as SQL both backends run: every value present in the ledger,
 * most used first, ties by value. Ties are ordered by the column, not its output name:
 * PostgreSQL reads an output name only on its own, not under COLLATE, which (` COLLATE "C"`)
 * makes it compare bytes as SQLite does. `claimsBySource`: each entity that made claims and how
 * many (`source`, `n`), as the backend keeps them for the entity list (SQLite temp.entity_rank,
 * PostgreSQL the entities' n_claims), so that speakers and sides read counts, not every claim;
 * outlets count each document's claims through the index on claims(document).
 */
export function storyFacetSql(claimsBySource: string, collate = ''): Record<Exclude<keyof StoryFacets, 'dates'>, string> & { dates: string } {
  return {
    outlets: `SELECT d.outlet AS value, d.outlet AS label, SUM(c.n) AS count
      FROM (SELECT document, COUNT(*) AS n FROM claims GROUP BY document) c JOIN documents d ON d.id = c.document
      WHERE d.outlet IS NOT NULL GROUP BY d.outlet ORDER BY count DESC, d.outlet${collate}`,
    languages: `SELECT d.language AS value, d.language AS label, COUNT(*) AS count FROM documents d
      WHERE d.language IS NOT NULL GROUP BY d.language ORDER BY count DESC, d.language${collate}`,
    speakers: `SELECT e.id AS value, e.name AS label, c.n AS count FROM ${claimsBySource} c JOIN entities e ON e.id = c.source
      ORDER BY count DESC, e.name${collate}`,
    // A side may be an entity's id: it is shown by that entity's name.
    sides: `SELECT e.side AS value, COALESCE(s.name, e.side) AS label, SUM(c.n) AS count FROM ${claimsBySource} c JOIN entities e ON e.id = c.source
      LEFT JOIN entities s ON s.id = e.side WHERE e.side IS NOT NULL GROUP BY e.side, s.name ORDER BY count DESC, COALESCE(s.name, e.side)${collate}`,
    kinds: `SELECT kind AS value, kind AS label, COUNT(DISTINCT event) AS count FROM conflicts GROUP BY kind ORDER BY count DESC, kind${collate}`,
    dates: 'SELECT MIN(substr(COALESCE(c.date, d.published), 1, 10)) AS "from", MAX(substr(COALESCE(c.date, d.published), 1, 10)) AS "to" FROM claims c LEFT JOIN documents d ON d.id = c.document',
  };
}

/** What the story filters offer: every value present in the ledger, most used first. */
export function storyFacets(db: Database.Database, queries: Queries): StoryFacets {
  queries.ranks.fresh();
  const sql = storyFacetSql('(SELECT entity AS source, claims AS n FROM temp.entity_rank WHERE claims > 0)');
  const facet = (q: string): Facet[] => db.prepare(q).all() as Facet[];
  return {
    outlets: facet(sql.outlets),
    languages: facet(sql.languages),
    speakers: facet(sql.speakers),
    sides: facet(sql.sides),
    kinds: facet(sql.kinds),
    dates: db.prepare(sql.dates).get() as StoryFacets['dates'],
  };
}
