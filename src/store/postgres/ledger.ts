/**
 * Writing the ledger tables of a PostgreSQL store in the rebuild's transaction: the rows of
 * each table with one COPY (in order, so `row_no` keeps the order written),
 * the words each event and conflict is found by, and the redirects of the ids a rebuild drops
 * (the SQL of src/store/redirects.ts, on temp tables that go with the transaction).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ConflictRow } from '../../core/rows.js';
import { drainInSlices } from '../../core/steps.js';
import type { StagedLedger } from '../staged-ledger.js';
import { dateKey } from '../store.js';
import { lastDates } from '../ledger-rows.js';
import { members as sqliteMembers, redirectKinds, type RedirectKind } from '../redirects.js';

const tableOf: Record<RedirectKind, string> = { event: 'events', entity: 'entities', conflict: 'conflicts' };

/** redirects.ts members, but for PostgreSQL's event_mentions: a row for each mention. */
const members: typeof sqliteMembers = {
  ...sqliteMembers,
  event: {
    table: 'events',
    rows: "SELECT event, id, '' FROM claims WHERE event IN dropped UNION ALL SELECT event, document, mention FROM event_mentions WHERE event IN dropped",
    now: "CASE o.m2 WHEN '' THEN (SELECT n.event FROM claims n WHERE n.id = o.m1) ELSE (SELECT n.event FROM event_mentions n WHERE n.document = o.m1 AND n.mention = o.m2) END",
  },
};

/** Characters of a rows chunk sent at a time: the rows of a chunk are held at once, never a whole table's (its JSON texts above all). */
const CHUNK = 1 << 20;

/** What COPY's text format escapes in a field: the backslash, and the separators of fields and rows. */
const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIALS = new RegExp(COPY_SPECIAL.source, 'g');
const COPY_ESCAPE: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value as a field of COPY's text format: null as \N; a value without a special character as it is (most are). */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIALS, (ch) => COPY_ESCAPE[ch]!) : s;
}

/**
 * Insert `rows` into `table` in order with COPY (row_no follows the order), each row's values
 * made as its chunk is: a chunk is made while the server inserts the ones before (the stream
 * waits when the server is behind), and COPY's rows cost the server less to read than arrays
 * unnested (a rebuild at 10,000 articles spent about as long making rows as inserting them).
 */
export async function insertRows<T>(c: pg.ClientBase, table: string, columns: string[], rows: Iterable<T>, values: (row: T) => unknown[]): Promise<void> {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += `${values(row).map(copyField).join('\t')}\n`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), c.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** The last of rows with the same key (SQLite's INSERT OR REPLACE keeps the last). */
function lastByKey<T>(rows: Iterable<T>, key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.values()];
}

/**
 * Before a kind's table is emptied: the members of its stored ids that the new ledger drops
 * (old_members, made by writeLedger), and the table emptied. DELETE, not TRUNCATE: readers keep
 * reading the ledger as it was until this commits.
 */
async function keepOldAndEmpty(c: pg.PoolClient, live: Partial<Record<RedirectKind, string[]>>, tables: readonly string[]): Promise<void> {
  for (const kind of redirectKinds) {
    const ids = live[kind];
    if (!ids) continue;
    await c.query(`CREATE TEMP TABLE dropped ON COMMIT DROP AS SELECT id FROM ${tableOf[kind]} WHERE NOT (id = ANY($1::text[]))`, [ids]);
    await c.query(`INSERT INTO old_members (kind, id, m1, m2) SELECT $1, x.* FROM (${members[kind].rows.replaceAll('IN dropped', 'IN (SELECT id FROM dropped)')}) x`, [kind]);
    await c.query('DROP TABLE dropped');
  }
  for (const t of tables) await c.query(`DELETE FROM ${t}`);
}

/** After the new ledger is written: each dropped id redirected to the live ids holding its members. */
async function updateRedirects(c: pg.PoolClient): Promise<void> {
  await c.query('CREATE TEMP TABLE fresh (kind TEXT NOT NULL, old TEXT NOT NULL, new TEXT NOT NULL, shared INTEGER NOT NULL) ON COMMIT DROP');
  for (const kind of redirectKinds) {
    const m = members[kind];
    await c.query(
      `INSERT INTO fresh (kind, old, new, shared)
       SELECT $1, o.id, o.now, COUNT(*) FROM (SELECT o.id, ${m.now} AS now FROM old_members o WHERE o.kind = $1 AND o.id NOT IN (SELECT id FROM ${m.table})) o
       WHERE o.now IS NOT NULL GROUP BY o.id, o.now`,
      [kind],
    );
    await c.query(
      `INSERT INTO redirects (kind, old, new, shared) SELECT r.kind, r.old, f.new, f.shared FROM redirects r JOIN fresh f ON f.kind = r.kind AND f.old = r.new WHERE r.kind = $1 ON CONFLICT DO NOTHING`,
      [kind],
    );
    await c.query(`DELETE FROM redirects WHERE kind = $1 AND (new NOT IN (SELECT id FROM ${m.table}) OR old IN (SELECT id FROM ${m.table}))`, [kind]);
  }
  await c.query('INSERT INTO redirects (kind, old, new, shared) SELECT kind, old, new, shared FROM fresh ON CONFLICT (kind, old, new) DO UPDATE SET shared = excluded.shared');
  await c.query('DROP TABLE fresh; DROP TABLE old_members');
}

/**
 * Replace the ledger tables with `ledger`'s rows. The conflicts are found while the server
 * inserts the other tables: their steps run between the COPY chunks (core/steps.ts), where
 * before the server waited for the conflicts and then node for the server (a rebuild of 10,000
 * articles: conflicts 3 s of node, the other tables 7 s of the server's).
 */
export async function writeLedger(c: pg.PoolClient, ledger: StagedLedger): Promise<void> {
  const exp = ledger.rows;
  const lastDate = lastDates(exp.claims);
  await c.query('CREATE TEMP TABLE old_members (kind TEXT NOT NULL, id TEXT NOT NULL, m1 TEXT NOT NULL, m2 TEXT NOT NULL) ON COMMIT DROP');
  await keepOldAndEmpty(c, { event: exp.events.map((e) => e.id), entity: exp.entities.map((e) => e.id) }, ['entities', 'speakers', 'events', 'claims', 'event_mentions']);
  const names = new Map(exp.entities.map((e) => [e.id, e.name]));
  const writing = (async () => {
    await insertRows(c, 'entities', ['id', 'name', 'type', 'side', 'data'], exp.entities, (e) => [e.id, e.name, e.type, e.side, JSON.stringify(e)]);
    const speakers = lastByKey(exp.speakers, (p) => `${p.document}\u0000${p.local}`);
    await insertRows(c, 'speakers', ['document', 'local', 'entity'], speakers, (p) => [p.document, p.local, p.entity]);
    // What each event and conflict is found by, as SQLite's search triggers gather it (schema.ts).
    await insertRows(
      c,
      'events',
      ['id', 'type', 'label', 'status', 'last_date', 'data', 'search_text'],
      exp.events,
      (v) => [v.id, v.type, v.label, v.status, lastDate.get(v.id) ?? null, JSON.stringify(v), [v.label, v.place ?? '', v.participants.map((p) => names.get(p) ?? '').join(' ')].join(' ')],
    );
    await insertRows(c, 'claims', ['id', 'event', 'document', 'source', 'status', 'date', 'data'], exp.claims, (cl) => [cl.id, cl.event, cl.document, cl.source, cl.status, dateKey(cl.date), JSON.stringify(cl)]);
    const mentions = lastByKey(exp.mentions ?? [], (m) => `${m.document}\u0000${m.mention}`);
    await insertRows(c, 'event_mentions', ['document', 'mention', 'event'], mentions, (m) => [m.document, m.mention, m.event]);
  })();
  // Reported where awaited below, not as an unhandled rejection while the conflicts are found.
  writing.catch(() => {});
  let conflicts: ConflictRow[];
  try {
    conflicts = await drainInSlices(ledger.conflicts);
  } catch (err) {
    // The transaction is rolled back once the writes in flight are done, failed or not.
    await writing.catch(() => {});
    throw err;
  }
  await writing;
  await keepOldAndEmpty(c, { conflict: conflicts.map((k) => k.id) }, ['conflicts']);
  const labels = new Map(exp.events.map((v) => [v.id, v.label]));
  const claimText = new Map(exp.claims.map((cl) => [cl.id, cl.text]));
  await insertRows(
    c,
    'conflicts',
    ['id', 'kind', 'event', 'claim_a', 'claim_b', 'data', 'search_text'],
    conflicts,
    (k) => [k.id, k.kind, k.event, k.claims[0], k.claims[1], JSON.stringify(k), [k.explanation, labels.get(k.event) ?? '', ...k.claims.map((id) => claimText.get(id) ?? '')].join(' ')],
  );
  await updateRedirects(c);
}
