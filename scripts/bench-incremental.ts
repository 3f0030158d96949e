/**
 * npm run bench:incremental [-- --n 50000] [--store DIR_OR_FILE] [--add 10] [--jobs N] [--seed S]
 * Adds a few synthetic articles (default 10) to a store of N and times that analyze, as
 * `walkback analyze` runs it: the per-document stages and the ledger update. The store is one
 * kept by `npm run bench -- --n N --keep` (its folder or its bench.db), else built here first
 * (minutes at 50,000; not timed). The new articles follow the stored ones in the synthetic
 * sequence, so a kept store grows by them at each run. The timed part runs in a child process
 * of its own so that its peak RSS is the analyze's alone; it prints the CPU time of each phase
 * (the per-document stages, then the ledger update's) and the heap after it, and how much of the
 * store the added articles reach through shared entities and events (bench/components.ts).
 * A benchmark, not a test. Last line:
 *   bench:incremental: N stored · K added in X s · peak RSS Y MB
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticle, makeRng } from './bench/synthetic.js';
import { analyzeIntoStore } from '../src/run.js';
import { openStore } from '../src/store/sqlite.js';
import { hasFlag, opt, whole } from './bench/args.js';
import { PhaseClock } from './bench/phase-clock.js';
import { componentShare } from './bench/components.js';

const seed = whole('--seed', '1', 0);
const jobs = whole('--jobs', String(availableParallelism()), 0);

/** Write synthetic articles `from`..`to` (exclusive) into `dir`, 1,000 a folder. */
function writeArticles(dir: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const a = generateArticle(i, makeRng(seed * 1_000_003 + i));
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${a.name}.txt`), a.text);
  }
}

if (hasFlag('--child')) {
  // The timed part: analyze the new articles into the store, in this process alone.
  const store = openStore(opt('--db', ''));
  const stored = store.counts().documents;
  const t0 = process.hrtime.bigint();
  const phases = new PhaseClock('documents');
  const summary = await analyzeIntoStore(store, [opt('--child', '')], { jobs, onLedgerPhase: (p) => phases.enter(p) });
  phases.enter('end');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  store.close();
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`phases (CPU s, heap after MB): ${phases.summary()}`);
  const { documents, reached } = componentShare(opt('--db', ''), summary.added);
  if (summary.added > 0) console.log(`component: the ${summary.added} added reach ${reached} of ${documents} documents (${((100 * reached) / documents).toFixed(1)}%) through shared entities and events`);
  console.log(`bench:incremental: ${stored} stored · ${summary.added} added in ${seconds.toFixed(1)} s · peak RSS ${peak.toFixed(0)} MB`);
} else {
  const n = whole('--n', '50000', 1);
  const add = whole('--add', '10', 1);
  const dir = mkdtempSync(join(tmpdir(), 'walkback-incr-'));
  let db = opt('--store', '');
  if (db && existsSync(db) && statSync(db).isDirectory()) db = join(db, 'bench.db');
  if (db && !existsSync(db)) throw new Error(`--store ${db}: no such store`);
  if (!db) {
    db = join(dir, 'bench.db');
    const corpus = join(dir, 'corpus');
    writeArticles(corpus, 0, n);
    process.stderr.write(`building a store of ${n} articles (not timed)…\n`);
    const store = openStore(db);
    await analyzeIntoStore(store, [corpus], { jobs });
    store.close();
  }
  const store = openStore(db, { readOnly: true });
  const stored = store.counts().documents;
  store.close();
  const fresh = join(dir, 'new');
  writeArticles(fresh, stored, stored + add);
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', fresh, '--db', db, '--jobs', String(jobs), '--seed', String(seed)], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`the timed analyze failed (exit ${child.status})`);
}
