/**
 * Redirects: where a ledger id that a rebuild dropped went. Ids are functions of the stored
 * documents (src/core/id.ts, docs/incremental.md) and stay put when later articles arrive, but
 * an event can be merged with another or split, and an entity renamed (its most frequent name
 * changed). The id it had then answers with the ids that now hold its members:
 *   - an event's members are its mentions and claims (named by their document's raw hash and
 *     their id within it, so they never change; the event_mentions table keeps the mentions,
 *     a row for each document and event: the list of that document's mentions that went to it);
 *   - an entity's members are the document-local entities it gathers (the speakers table);
 *   - a conflict's member is its pair of claims (a pair no longer in conflict is gone: 404).
 * Redirect rows always name live ids: a target dropped by a later rebuild is replaced by where
 * it went, and an id that comes back is no longer redirected. Runs inside saveLedger's
 * transaction, in SQL, so that no membership is held in memory.
 */
import type Database from 'better-sqlite3';
import { syncKeyed } from './ledger-diff.js';

export const redirectKinds = ['event', 'entity', 'conflict'] as const;
export type RedirectKind = (typeof redirectKinds)[number];

/**
 * A row for each document and event its mentions went to, `mentions` the JSON list of their ids
 * in the order the ledger gives them (schema version 4; a document's mentions of one event are
 * four on average: a row for each mention was four times the rows, and three KB an article).
 */
const eventMentionsSql = `CREATE TABLE IF NOT EXISTS event_mentions (
  document TEXT NOT NULL,
  event TEXT NOT NULL,
  mentions TEXT NOT NULL,
  PRIMARY KEY (document, event)
) WITHOUT ROWID;`;

/** Version 3's event_mentions, a row for each mention: what migrations read from and make (sqlite.ts). */
export const eventMentionsV3 = { sql: 'CREATE TABLE IF NOT EXISTS event_mentions (document TEXT NOT NULL, mention TEXT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (document, mention)) WITHOUT ROWID', columns: 'document, mention, event' };

/** Version 3's rows of event_mentions as version 4 keeps them (`from` holds version 3's). */
export const eventMentionsFromV3 = (from: string): string =>
  `INSERT INTO event_mentions (document, event, mentions) SELECT document, event, json_group_array(mention) FROM ${from} GROUP BY document, event`;

export const redirectSchemaSql = `
CREATE TABLE IF NOT EXISTS redirects (
  kind TEXT NOT NULL,
  old TEXT NOT NULL,
  new TEXT NOT NULL,
  shared INTEGER NOT NULL,
  PRIMARY KEY (kind, old, new)
);
CREATE INDEX IF NOT EXISTS conflicts_claims ON conflicts(claim_a, claim_b);
${eventMentionsSql}
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event);
`;

/** Which event each document's event mention went to: an event's members, claims or not. */
export interface MentionRow {
  document: string;
  mention: string;
  event: string;
}

/** The ledger's mention rows, written with the ledger (after keepDropped): only the documents' lists that changed. */
export function saveMentions(db: Database.Database, rows: Iterable<MentionRow>): void {
  db.exec('DROP TABLE IF EXISTS temp.mention_rows; CREATE TEMP TABLE mention_rows (document TEXT NOT NULL, event TEXT NOT NULL, mention TEXT NOT NULL)');
  const put = db.prepare('INSERT INTO mention_rows (document, event, mention) VALUES (?, ?, ?)');
  for (const r of rows) put.run(r.document, r.event, r.mention);
  syncKeyed(db, 'event_mentions', ['document', 'event'], 'mentions', 'SELECT document, event, json_group_array(mention ORDER BY rowid) FROM mention_rows GROUP BY document, event');
  db.exec('DROP TABLE temp.mention_rows');
}

/**
 * Per kind: its table, the stored members of the ids in temp.dropped (through the indexes on
 * the id column), and how a member finds the id now holding it (`o` is the kept row). SQLite's:
 * PostgreSQL keeps a row for each event mention (postgres/ledger.ts).
 */
export const members: Record<RedirectKind, { table: string; rows: string; now: string }> = {
  event: {
    table: 'events',
    rows: "SELECT event, id, '' FROM claims WHERE event IN dropped UNION ALL SELECT m.event, m.document, j.value FROM event_mentions m, json_each(m.mentions) j WHERE m.event IN dropped",
    now: "CASE o.m2 WHEN '' THEN (SELECT n.event FROM claims n WHERE n.id = o.m1) ELSE (SELECT n.event FROM event_mentions n, json_each(n.mentions) j WHERE n.document = o.m1 AND j.value = o.m2) END",
  },
  entity: { table: 'entities', rows: 'SELECT entity, document, local FROM speakers WHERE entity IN dropped', now: '(SELECT n.entity FROM speakers n WHERE n.document = o.m1 AND n.local = o.m2)' },
  conflict: { table: 'conflicts', rows: 'SELECT id, claim_a, claim_b FROM conflicts WHERE id IN dropped', now: '(SELECT n.id FROM conflicts n WHERE n.claim_a = o.m1 AND n.claim_b = o.m2)' },
};

/**
 * Before the ledger tables are written: keep the members of the stored ids that the new ledger
 * drops (`dropped`, per kind). After a few articles these are few, so this costs little whatever
 * the size of the store.
 */
export function keepDropped(db: Database.Database, dropped: Record<RedirectKind, Iterable<string>>): void {
  db.exec('DROP TABLE IF EXISTS temp.old_members');
  db.exec('CREATE TEMP TABLE old_members (kind TEXT NOT NULL, id TEXT NOT NULL, m1 TEXT NOT NULL, m2 TEXT NOT NULL)');
  for (const kind of redirectKinds) {
    db.exec('DROP TABLE IF EXISTS temp.dropped; CREATE TEMP TABLE dropped (id TEXT PRIMARY KEY) WITHOUT ROWID');
    const ins = db.prepare('INSERT OR IGNORE INTO dropped (id) VALUES (?)');
    for (const id of dropped[kind]) ins.run(id);
    db.prepare(`INSERT INTO old_members (kind, id, m1, m2) SELECT ?, * FROM (${members[kind].rows})`).run(kind);
  }
  db.exec('DROP TABLE temp.dropped');
}

/** After the new ledger is written: redirect each dropped id to the live ids holding its members. */
export function updateRedirects(db: Database.Database): void {
  db.exec('CREATE INDEX temp.old_members_id ON old_members (kind, id)');
  db.exec('DROP TABLE IF EXISTS temp.fresh; CREATE TEMP TABLE fresh (kind TEXT NOT NULL, old TEXT NOT NULL, new TEXT NOT NULL, shared INTEGER NOT NULL)');
  for (const kind of redirectKinds) {
    const m = members[kind];
    // Only the dropped ids' members are looked up: after a few articles, a handful.
    db.prepare(
      `INSERT INTO fresh (kind, old, new, shared)
       SELECT ?, o.id, ${m.now} AS now, COUNT(*) FROM old_members o
       WHERE o.kind = ? AND o.id IN (SELECT DISTINCT id FROM old_members WHERE kind = ? EXCEPT SELECT id FROM ${m.table})
       GROUP BY o.id, now HAVING now IS NOT NULL`,
    ).run(kind, kind, kind);
    // Earlier redirects to an id dropped now go on to where it went; then none names a dead id.
    db.prepare(
      `INSERT OR IGNORE INTO redirects (kind, old, new, shared)
       SELECT r.kind, r.old, f.new, f.shared FROM redirects r JOIN fresh f ON f.kind = r.kind AND f.old = r.new WHERE r.kind = ?`,
    ).run(kind);
    db.prepare(`DELETE FROM redirects WHERE kind = ? AND (new NOT IN (SELECT id FROM ${m.table}) OR old IN (SELECT id FROM ${m.table}))`).run(kind);
  }
  db.exec('INSERT OR REPLACE INTO redirects (kind, old, new, shared) SELECT kind, old, new, shared FROM fresh');
  db.exec('DROP TABLE temp.fresh; DROP TABLE temp.old_members');
}

/** Where a dropped id went: the live ids holding most of its members first; empty when it was never redirected. */
export function redirectOf(db: Database.Database, kind: RedirectKind, id: string): string[] {
  try {
    return db.prepare('SELECT new FROM redirects WHERE kind = ? AND old = ? ORDER BY shared DESC, new').pluck().all(kind, id) as string[];
  } catch {
    // A read-only store written before redirects were kept has no such table.
    return [];
  }
}
