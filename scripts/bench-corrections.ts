/**
 * npm run bench:corrections [-- --corpus DIR] [--n 200]
 * What corrections cost: the ledger rebuild (every analyze ends with one) without corrections
 * and with N of them (notes on events, confirmations of conflicts, statuses of claims), the
 * applyCorrections pass alone, and one `walkback correct` (keep it, rebuild). A benchmark, not a
 * test. Last line:
 *   bench:corrections: D documents · rebuild p50 X ms with 0 corrections, Y ms with N · apply alone Z ms, reading them R ms · one correction p50 W ms
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite.js';
import { SqliteDocumentStore } from '../src/store/sqlite/port.js';
import { analyzeIntoStore, rebuildLedger } from '../src/run.js';
import { addCorrection } from '../src/corrections/correct.js';
import { applyCorrections } from '../src/corrections/apply.js';
import { LedgerIndex, anchorOf } from '../src/corrections/find.js';
import type { CorrectionInput, Item } from '../src/corrections/kinds.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const corpus = arg('--corpus', 'examples');
const n = Number(arg('--n', '200'));

const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'walkback-bench-corrections-')), 'c.db'));
await analyzeIntoStore(store, [corpus]);
const p50 = async (f: () => unknown, runs = 7): Promise<number> => {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};

const bare = await p50(() => rebuildLedger(store));

// N corrections, kept directly (one rebuild at the end rather than one each).
const exp = store.loadExport();
const ix = new LedgerIndex(exp);
const made: Array<[CorrectionInput, Item]> = [];
for (let i = 0; made.length < n && i < n; i++) {
  const ev = exp.events[i % exp.events.length]!;
  made.push([{ kind: 'note', target: ev.id, text: `bench note ${i}` }, 'event']);
  const k = exp.conflicts[i % Math.max(1, exp.conflicts.length)];
  if (k) made.push([{ kind: 'confirm', target: k.id }, 'conflict']);
  const c = exp.claims[i % Math.max(1, exp.claims.length)];
  if (c) made.push([{ kind: 'set-status', target: c.id, status: c.status === 'held' ? 'postponed' : 'held' }, 'claim']);
}
for (const [input, item] of made.slice(0, n)) store.corrections.add(input, { [input.target]: anchorOf(ix, item, input.target) }, 'bench', new Date().toISOString());
const withCorrections = await p50(() => rebuildLedger(store));
const all = store.corrections.list();
const rows = { ...exp, speakers: [] };
const applyAlone = await p50(() => applyCorrections(rows, all));
const one = await p50(() => addCorrection(new SqliteDocumentStore(store), { kind: 'note', target: exp.events[0]!.id, text: 'one more' }, 'bench'), 5);
const listMs = await p50(() => store.corrections.list());
const orphaned = store.corrections.list().filter((c) => c.state === 'orphaned').length;

console.log(`bench:corrections: ${exp.documents.length} documents · rebuild p50 ${bare.toFixed(0)} ms with 0 corrections, ${withCorrections.toFixed(0)} ms with ${all.length} (${orphaned} orphaned) · apply alone ${applyAlone.toFixed(1)} ms, reading them ${listMs.toFixed(1)} ms · one correction p50 ${one.toFixed(0)} ms`);
store.close();
