/**
 * npm run bench [-- --n 10000] [--seed S] [--keep] [--jobs N]   (--keep: keep the store and print its path)
 * Writes a synthetic corpus (scripts/bench/synthetic.ts) to a temporary folder, then runs
 * analyze on it in this one process into a fresh SQLite store, as `walkback analyze` does:
 * the per-document stages in N worker threads (default: the cores available; 0: in the main thread).
 * Only the analyze is timed. A benchmark, not a test. Last line:
 *   bench: N articles · X articles/s · peak RSS Y MB
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { writeCorpus } from './bench/corpus.js';
import { analyzeIntoStore } from '../src/run.js';
import { openStore } from '../src/store/sqlite.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const n = Number(opt('--n', '1000'));
const seed = Number(opt('--seed', '1'));
if (!Number.isInteger(n) || n <= 0) throw new Error(`--n ${opt('--n', '')}: expected a positive whole number`);
const jobs = Number(opt('--jobs', String(availableParallelism())));
if (!Number.isInteger(jobs) || jobs < 0) throw new Error(`--jobs ${opt('--jobs', '')}: expected a whole number`);

const dir = mkdtempSync(join(tmpdir(), 'walkback-bench-'));
const corpus = join(dir, 'corpus');
writeCorpus(corpus, n, seed);

const store = openStore(join(dir, 'bench.db'));
let done = 0;
const t0 = process.hrtime.bigint();
// How busy the main thread (reading, the store's writes) is while the workers analyse: near
// 100%, it and not the workers sets the pace.
const elu0 = performance.eventLoopUtilization();
let eluDocs = elu0;
// The last item is analysed and handed to the store before the ledger is rebuilt over all of them.
let lastItem = t0;
const summary = await analyzeIntoStore(store, [corpus], {
  jobs,
  onItem: () => {
    done++;
    lastItem = process.hrtime.bigint();
    eluDocs = performance.eventLoopUtilization();
    if (process.stderr.isTTY && done % 500 === 0) process.stderr.write(`\r${done}/${n}`);
  },
});
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
store.close();
if (process.stderr.isTTY) process.stderr.write('\r');
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`kept: ${join(dir, 'bench.db')} (npm run bench:api -- --db FILE serves it)`);
const c = summary.counts;
const perDoc = Number(lastItem - t0) / 1e9;
console.log(`store: ${c.documents} documents · ${c.statements} statements · ${c.events} events · ${c.claims} claims · ${c.conflicts} conflicts · ${summary.errors.length} failed · ${seconds.toFixed(1)} s`);
const mainBusy = performance.eventLoopUtilization(eluDocs, elu0).utilization;
console.log(`phases (${jobs} jobs): per-document stages and saves ${perDoc.toFixed(1)} s (main thread busy ${(mainBusy * 100).toFixed(0)}%) · ledger rebuild (entities, events, conflicts) ${(seconds - perDoc).toFixed(1)} s`);
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`bench: ${n} articles · ${(n / seconds).toFixed(0)} articles/s · peak RSS ${peak.toFixed(0)} MB`);
