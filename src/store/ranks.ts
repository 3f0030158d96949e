/**
 * What the API's list queries sort and count by, computed once per state of the store rather
 * than on every request: each entity's statements and claims (the entity list's order), each
 * event's claims and conflicts and its place by latest activity, and the size of every table. They live in TEMP tables of the reading connection
 * (a read-only store has them too) and are computed again when the store has changed since:
 * another process committed (PRAGMA data_version) or this connection wrote (total_changes()).
 */
import type Database from 'better-sqlite3';
import { speakerJoin, statementOrder } from './schema.js';
import { DataVersion } from './data-version.js';
import { storyOrder } from './story.js';

export type TableCounts = Record<'documents' | 'entities' | 'statements' | 'events' | 'claims' | 'conflicts', number>;

const rankSql = `
DROP TABLE IF EXISTS temp.entity_rank;
DROP TABLE IF EXISTS temp.event_rank;
CREATE TEMP TABLE entity_rank (rank INTEGER PRIMARY KEY, entity TEXT NOT NULL UNIQUE, statements INTEGER NOT NULL, claims INTEGER NOT NULL);
INSERT INTO entity_rank (entity, statements, claims)
  SELECT e.id, COALESCE(s.n, 0) AS statements, COALESCE(c.n, 0) AS claims FROM entities e
  LEFT JOIN (SELECT p.entity, COUNT(*) AS n FROM statements s ${speakerJoin} WHERE p.entity IS NOT NULL GROUP BY p.entity) s ON s.entity = e.id
  LEFT JOIN (SELECT source, COUNT(*) AS n FROM claims WHERE source IS NOT NULL GROUP BY source) c ON c.source = e.id
  ORDER BY statements DESC, claims DESC, e.name;
CREATE TEMP TABLE event_rank (rank INTEGER PRIMARY KEY, event TEXT NOT NULL UNIQUE, claims INTEGER NOT NULL, conflicts INTEGER NOT NULL);
INSERT INTO event_rank (event, claims, conflicts)
  SELECT v.id, COALESCE(c.n, 0), COALESCE(k.n, 0) FROM events v
  LEFT JOIN (SELECT event, COUNT(*) AS n FROM claims GROUP BY event) c ON c.event = v.id
  LEFT JOIN (SELECT event, COUNT(*) AS n FROM conflicts GROUP BY event) k ON k.event = v.id
  ORDER BY v.last_date IS NULL, v.last_date DESC, v.rowid;
`;

/**
 * Each speaker's statements in list order (schema.ts statementOrder), numbered from 1: a page of
 * one speaker's statements is then a range of this table's key, however many they made and
 * however deep the page, instead of every statement of theirs read and sorted on each request.
 */
const speakerOrderSql = `
DROP TABLE IF EXISTS temp.speaker_order;
CREATE TEMP TABLE speaker_order (entity TEXT NOT NULL, pos INTEGER NOT NULL, statement INTEGER NOT NULL, PRIMARY KEY (entity, pos)) WITHOUT ROWID;
INSERT INTO speaker_order (entity, pos, statement)
  SELECT p.entity, ROW_NUMBER() OVER (PARTITION BY p.entity ORDER BY ${statementOrder}), s.rowid
  FROM statements s JOIN speakers p ON p.document = s.document AND p.local = s.speaker_local;
`;

/**
 * Every spelling of every entity (its name and each alias), indexed without case: a search
 * term finds the entities it names by one index lookup, not by reading every entity's aliases.
 */
const spellingSql = `
DROP TABLE IF EXISTS temp.entity_spelling;
CREATE TEMP TABLE entity_spelling (spelling TEXT NOT NULL COLLATE NOCASE, entity INTEGER NOT NULL, PRIMARY KEY (spelling, entity)) WITHOUT ROWID;
INSERT OR IGNORE INTO entity_spelling (spelling, entity)
  SELECT e.name, e.rowid FROM entities e
  UNION ALL SELECT a.value, e.rowid FROM entities e, json_each(e.data, '$.aliases') a WHERE a.type = 'text';
`;

/**
 * The story page's order of every event (story.ts storyOrder: conflicts first, then the latest
 * activity, then most claims), with the counts it sorts by: a page of the story is then a range
 * of this table's key, and its counts a scan of a table of numbers, instead of every event's
 * claims and conflicts counted and sorted on each request. Built from event_rank (fresh()).
 */
const storyRankSql = `
DROP TABLE IF EXISTS temp.story_rank;
CREATE TEMP TABLE story_rank (rank INTEGER PRIMARY KEY, event TEXT NOT NULL, claims INTEGER NOT NULL, conflicts INTEGER NOT NULL);
INSERT INTO story_rank (event, claims, conflicts)
  SELECT r.event, r.claims AS claims, r.conflicts AS conflicts FROM temp.event_rank r CROSS JOIN events v ON v.id = r.event
  ORDER BY ${storyOrder('v.rowid')};
`;

export class Ranks {
  /** The store's state the ranks and counts were computed for. */
  private seen: string | null = null;
  /** The store's state each table below was built for: each is built when first read, apart from the ranks. */
  private readonly built = new Map<string, string>();
  private tableCounts: TableCounts | null = null;

  /** The state of the store as this connection sees it (its TEMP tables left out). */
  readonly version: DataVersion;

  constructor(private readonly db: Database.Database) {
    this.version = new DataVersion(db);
  }

  /** Make sure the TEMP tables reflect the store as it is now. */
  fresh(): void {
    const state = this.version.current();
    if (this.seen === state) return;
    const n = (t: string): number => this.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    // One snapshot for the counts and the ranks (no transaction is open between requests).
    this.version.temp(() =>
      this.db.transaction(() => {
        this.db.exec(rankSql);
        this.tableCounts = { documents: n('documents'), entities: n('entities'), statements: n('statements'), events: n('events'), claims: n('claims'), conflicts: n('conflicts') };
      })(),
    );
    this.seen = state;
  }

  /**
   * Make sure temp.speaker_order reflects the store as it is now. Only for a store whose
   * statements carry their order columns (schema.ts statementOrderColumns).
   */
  freshSpeakerOrder(): void {
    this.freshTable(speakerOrderSql);
  }

  /** Make sure temp.story_rank (and the event ranks it is built from) reflect the store as it is now. */
  freshStory(): void {
    this.fresh();
    this.freshTable(storyRankSql);
  }

  /** Make sure temp.entity_spelling reflects the store as it is now (search-terms.ts reads it). */
  freshSpellings(): void {
    this.freshTable(spellingSql);
  }

  /** Build the TEMP table `sql` makes unless it was built for the store as it is now. */
  private freshTable(sql: string): void {
    const state = this.version.current();
    if (this.built.get(sql) === state) return;
    this.version.temp(() => this.db.transaction(() => this.db.exec(sql))());
    this.built.set(sql, state);
  }

  /** How many statements the entity made (0 for an unknown id). */
  statementsOf(entity: string): number {
    this.fresh();
    return (this.db.prepare('SELECT statements FROM temp.entity_rank WHERE entity = ?').pluck().get(entity) as number | undefined) ?? 0;
  }

  counts(): TableCounts {
    this.fresh();
    return this.tableCounts!;
  }
}
