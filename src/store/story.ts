/**
 * The story page's queries: events an editor triages (conflicts first, then the most recent
 * activity; events with few claims folded away on request) under filters on their claims
 * (outlet, date, speaker, side, language), their status and their conflicts' kinds, and the
 * values each filter can take. Kept apart from queries.ts: these only read, over its tables.
 */
import type Database from 'better-sqlite3';
import type { EventSummary, Page, PageArgs, Queries } from './queries.js';

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

/** The WHERE conditions over `events v` and their arguments, without the claim-count fold. */
function storyWhere(f: StoryFilter): { where: string[]; args: Array<string | number> } {
  const value = (k: keyof StoryFilter): string | undefined => {
    const v = f[k];
    if (v === undefined || v === '') return undefined;
    return k === 'q' ? `%${escapeLike(String(v))}%` : String(v);
  };
  const pick = (conds: Array<[keyof StoryFilter, string]>) => conds.flatMap(([k, sql]) => (value(k) === undefined ? [] : [{ sql, arg: value(k)! }]));
  const onEvent = pick(EVENT_CONDITIONS);
  const onClaim = pick(CLAIM_CONDITIONS);
  const where = onEvent.map((c) => c.sql);
  const args: Array<string | number> = onEvent.map((c) => c.arg);
  if (onClaim.length) {
    where.push(`EXISTS (SELECT 1 FROM claims c LEFT JOIN documents d ON d.id = c.document LEFT JOIN entities e ON e.id = c.source WHERE c.event = v.id AND ${onClaim.map((c) => c.sql).join(' AND ')})`);
    args.push(...onClaim.map((c) => c.arg));
  }
  if (f.kind) {
    where.push('EXISTS (SELECT 1 FROM conflicts k WHERE k.event = v.id AND k.kind = ?)');
    args.push(f.kind);
  }
  return { where, args };
}

const CLAIMS = '(SELECT COUNT(*) FROM claims c WHERE c.event = v.id)';
const CONFLICTS = '(SELECT COUNT(*) FROM conflicts k WHERE k.event = v.id)';

/** Events with conflicts first, then by most recent activity (undated last); filtered and folded. */
export function storyEvents(db: Database.Database, queries: Queries, { limit, offset }: PageArgs, f: StoryFilter = {}): StoryPage {
  const { where, args } = storyWhere(f);
  const min = f.minClaims ?? 0;
  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts = db
    .prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(${CLAIMS} < ?), 0) AS folded FROM events v ${base}`)
    .get(min, ...args) as { total: number; folded: number };
  const kept = `${base ? `${base} AND` : 'WHERE'} ${CLAIMS} >= ?`;
  const rows = db
    .prepare(
      `SELECT v.data, v.last_date, ${CLAIMS} AS claims, ${CONFLICTS} AS conflicts
       FROM events v ${kept}
       ORDER BY conflicts > 0 DESC, v.last_date IS NULL, v.last_date DESC, claims DESC, v.rowid LIMIT ? OFFSET ?`,
    )
    .all(...args, min, limit, offset) as Array<{ data: string; last_date: string | null; claims: number; conflicts: number }>;
  return { total: counts.total - counts.folded, limit, offset, folded: counts.folded, items: queries.eventSummaries(rows) };
}

/** What the story filters offer: every value present in the ledger, most used first. */
export function storyFacets(db: Database.Database): StoryFacets {
  const facet = (sql: string): Facet[] => db.prepare(sql).all() as Facet[];
  return {
    outlets: facet(`SELECT d.outlet AS value, d.outlet AS label, COUNT(*) AS count FROM claims c JOIN documents d ON d.id = c.document
      WHERE d.outlet IS NOT NULL GROUP BY d.outlet ORDER BY count DESC, value`),
    languages: facet(`SELECT d.language AS value, d.language AS label, COUNT(*) AS count FROM documents d
      WHERE d.language IS NOT NULL GROUP BY d.language ORDER BY count DESC, value`),
    speakers: facet(`SELECT e.id AS value, e.name AS label, COUNT(*) AS count FROM claims c JOIN entities e ON e.id = c.source
      GROUP BY e.id ORDER BY count DESC, label`),
    // A side may be an entity's id: it is shown by that entity's name.
    sides: facet(`SELECT e.side AS value, COALESCE(s.name, e.side) AS label, COUNT(*) AS count FROM claims c JOIN entities e ON e.id = c.source
      LEFT JOIN entities s ON s.id = e.side WHERE e.side IS NOT NULL GROUP BY e.side ORDER BY count DESC, label`),
    kinds: facet('SELECT kind AS value, kind AS label, COUNT(DISTINCT event) AS count FROM conflicts GROUP BY kind ORDER BY count DESC, value'),
    dates: db.prepare('SELECT MIN(substr(COALESCE(c.date, d.published), 1, 10)) AS "from", MAX(substr(COALESCE(c.date, d.published), 1, 10)) AS "to" FROM claims c LEFT JOIN documents d ON d.id = c.document').get() as {
      from: string | null;
      to: string | null;
    },
  };
}
