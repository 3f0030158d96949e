/**
 * npm run bench:locality -- --db FILE [--newest N]
 * How much of the ledger the newest articles move: the corpus stages are run over a SQLite
 * store's documents without its N newest (by publication date; default 10), then over all of
 * them, and each event mention of the older documents is compared: whether its event holds the
 * same mentions of the older documents in both, and whether each document-local entity keeps
 * its entity id. An update that equals a rebuild (docs/incremental.md) has to find every one that
 * moved; where many do, its work is not in the newest articles. A measurement, not a test.
 * Last line:
 *   bench:locality: N newest of D · X% of M mentions keep their event's members · Y% of L locals keep their entity
 */
import { clusterLedger } from '../src/pipeline.js';
import type { Doc } from '../src/core/types.js';
import { openStore } from '../src/store/sqlite.js';
import { opt, whole } from './bench/args.js';

const file = opt('--db', '');
if (!file) throw new Error('bench:locality: --db FILE (a SQLite store) is required');
const newest = whole('--newest', '10', 1);

const store = openStore(file);
const loaded = store.loadLedgerInputs();
store.close();
if (newest >= loaded.length) throw new Error(`bench:locality: ${file} holds ${loaded.length} documents, not more than --newest ${newest}`);

// The corpus stages read the documents in ledger order, whatever order they came in.
const place = new Map(loaded.map((d, i) => [d, i]));
const inLedgerOrder = (docs: Doc[]): Doc[] => [...docs].sort((a, b) => place.get(a)! - place.get(b)!);
// Arrival: by publication date, the undated last.
const day = (d: Doc): string => d.meta.published?.date ?? '\uffff';
const arrived = [...loaded].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
const older = arrived.slice(0, arrived.length - newest);

const key = (doc: string, id: string): string => `${doc}\u0000${id}`;

/** Each event mention of `kept` and the mentions of `kept` its event holds; each local's entity. */
function ledgerOf(docs: Doc[], kept: ReadonlySet<string>): { members: Map<string, string>; entityOf: Map<string, string> } {
  const ledger = clusterLedger(inLedgerOrder(docs));
  const members = new Map<string, string>();
  for (const e of ledger.events) {
    const mine = e.mentions.map(([d, m]) => key(d, m)).filter((k) => kept.has(k));
    const together = [...mine].sort().join('|');
    for (const k of mine) members.set(k, together);
  }
  const entityOf = new Map<string, string>();
  for (const [doc, locals] of ledger.entityOf) for (const [local, entity] of locals) entityOf.set(key(doc, local), entity);
  return { members, entityOf };
}

const mentionsOfOlder = new Set(older.flatMap((d) => d.eventMentions.map((m) => key(d.id, m.id))));
const before = ledgerOf(older, mentionsOfOlder);
const after = ledgerOf(arrived, mentionsOfOlder);
let kept = 0;
for (const [k, together] of before.members) if (after.members.get(k) === together) kept++;
let sameEntity = 0;
for (const [k, entity] of before.entityOf) if (after.entityOf.get(k) === entity) sameEntity++;
const share = (n: number, of: number): string => `${of ? ((100 * n) / of).toFixed(1) : '100.0'}%`;
console.log(
  `bench:locality: ${newest} newest of ${loaded.length} · ${share(kept, before.members.size)} of ${before.members.size} mentions keep their event's members · ${share(sameEntity, before.entityOf.size)} of ${before.entityOf.size} locals keep their entity`,
);
