/**
 * npm run bench:abuse [-- --jobs N] [--only NAME,NAME]: the inputs that used to stall analysis, each run in a
 * child process of its own (so its peak memory is its own), against its budget:
 *   nested-2500, nested-5000   a page of 2,500 / 5,000 nested <div>s, cleaned and analysed in
 *                              this thread (no worker): 2 s, 500 MB
 *   nested-5000-open           the same with no closing tags (a broken tree): 2 s, 500 MB
 *   text-20mb                  a 20 MB plain text through `walkback analyze` into a fresh store
 *                              (parts, worker pool, ledger): 60 s, 500 MB
 *   search-load                50 connections search repeated words on a served store of 2,000
 *                              articles and a 1 MB document for 10 s while /api/stats is asked
 *                              in a loop (scripts/bench/search-load.ts): stats p99 100 ms; 60 s, 500 MB
 *                              of the server's process (the load generator runs in another)
 *   two-analyses               two `walkback analyze` processes at once, each half of 200
 *                              articles, into one store: the export must equal one process's
 *                              over all of them; 120 s, 500 MB (this process's half)
 * One line per case: `NAME: X s · peak RSS Y MB · budget ... · ok|OVER`; last line:
 *   bench:abuse: N cases · K over budget
 * A benchmark, not a test: timings depend on the machine and its load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nestedHtml } from './bench/nested-html.js';
import { bigText } from './bench/big-text.js';
import { analyzeItem } from '../src/analyze.js';
import { run } from '../src/cli/main.js';
import { searchUnderLoad, percentile } from './bench/search-load.js';
import { generateArticle, makeRng } from './bench/synthetic.js';

/**
 * What a case did, and why it is over budget whatever its time and memory (a limit of its own);
 * `mb` is the peak memory held to the budget when it is another process's (a server's), not the case's.
 */
type Outcome = string | { what: string; over?: string; mb?: number };

interface Case {
  name: string;
  seconds: number;
  mb: number;
  run: (dir: string, jobs: string[]) => Promise<Outcome>;
}

/** The CLI with no output kept but its first line and its exit code. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (out += s), isTTY: false };
  return { code: await run(args, io), out };
}

/** The CLI in another process (this script with --cli), for two writers at once. */
function cliProcess(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--cli', ...args], { stdio: 'ignore' });
    p.on('error', reject);
    p.on('close', resolve);
  });
}

const STATS_P99_MS = 100;

const html = (depth: number, closed = true) => async (): Promise<string> => {
  const doc = analyzeItem({ source: `nested-${depth}.html`, bytes: Buffer.from(nestedHtml(depth, closed)), format: 'html' });
  return `${doc.text.length} characters of text`;
};

const CASES: Case[] = [
  { name: 'nested-2500', seconds: 2, mb: 500, run: html(2500) },
  { name: 'nested-5000', seconds: 2, mb: 500, run: html(5000) },
  { name: 'nested-5000-open', seconds: 2, mb: 500, run: html(5000, false) },
  {
    name: 'text-20mb',
    seconds: 60,
    mb: 500,
    run: async (dir, jobs) => {
      const file = join(dir, 'long.txt');
      writeFileSync(file, bigText(20_000_000));
      const { code, out } = await cli(['analyze', file, '--db', join(dir, 'w.db'), ...jobs]);
      return `exit ${code}: ${out.trim().split('\n')[0]}`;
    },
  },
  {
    name: 'search-load',
    seconds: 60,
    mb: 500,
    run: async () => {
      const t = await searchUnderLoad({ n: 2000, conns: 50, seconds: 10 });
      const p99 = percentile(t.stats, 99);
      const what = `${t.searches.length} searches (p99 ${percentile(t.searches, 99).toFixed(0)} ms) · stats p99 ${p99.toFixed(1)} ms of ${t.stats.length} · server ${t.serverMb.toFixed(0)} MB, load generator ${t.loadMb.toFixed(0)} MB`;
      return { what, mb: t.serverMb, over: p99 <= STATS_P99_MS ? undefined : `stats p99 over ${STATS_P99_MS} ms` };
    },
  },
  {
    name: 'two-analyses',
    seconds: 120,
    mb: 500,
    run: async (dir, jobs) => {
      const halves = [join(dir, 'a'), join(dir, 'b')];
      for (const h of halves) mkdirSync(h);
      for (let i = 0; i < 200; i++) writeFileSync(join(halves[i % 2]!, `article-${String(i).padStart(3, '0')}.txt`), generateArticle(i, makeRng(31_000 + i)).text);
      const both = join(dir, 'both.db');
      // One half in this process, the other in a second one, at the same time.
      const [here, there] = await Promise.all([cli(['analyze', halves[0]!, '--db', both, ...jobs]), cliProcess(['analyze', halves[1]!, '--db', both, ...jobs])]);
      const one = join(dir, 'one.db');
      await cli(['analyze', ...halves, '--db', one, ...jobs]);
      const [a, b] = [await cli(['export', '--db', both]), await cli(['export', '--db', one])];
      const same = a.out === b.out;
      const what = `exits ${here.code}, ${there} · ${same ? 'the same export as one process' : 'exports differ'}`;
      return here.code === 0 && there === 0 && same ? what : { what, over: same ? 'an analysis failed' : 'the ledger depends on the processes' };
    },
  },
];

const args = process.argv.slice(2);
const jobs = args.includes('--jobs') ? ['--jobs', args[args.indexOf('--jobs') + 1]!] : [];

if (args.includes('--cli')) {
  // A second writer of the two-analyses case.
  process.exitCode = await run(args.slice(args.indexOf('--cli') + 1));
} else if (args.includes('--case')) {
  // In the child: run one case, time it, and report as JSON on the last line.
  const c = CASES.find((k) => k.name === args[args.indexOf('--case') + 1])!;
  const dir = mkdtempSync(join(tmpdir(), 'walkback-abuse-'));
  try {
    const t0 = process.hrtime.bigint();
    const outcome = await c.run(dir, jobs);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const { what, over, mb } = typeof outcome === 'string' ? { what: outcome, over: undefined, mb: undefined } : outcome;
    console.log(JSON.stringify({ seconds, mb: mb ?? process.resourceUsage().maxRSS / 1024, what, over }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  let over = 0;
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
  const cases = only ? CASES.filter((c) => only.includes(c.name)) : CASES;
  for (const c of cases) {
    // The timeout stops a case that stalls: the benchmark itself never hangs.
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', c.name, ...jobs], { encoding: 'utf8', timeout: c.seconds * 5 * 1000, maxBuffer: 64 * 1024 * 1024 });
    const last = r.stdout?.trim().split('\n').pop() ?? '';
    let line: string;
    if (r.status === 0 && last.startsWith('{')) {
      const m = JSON.parse(last) as { seconds: number; mb: number; what: string; over?: string };
      const ok = m.seconds <= c.seconds && m.mb <= c.mb && !m.over;
      if (!ok) over++;
      line = `${c.name}: ${m.seconds.toFixed(1)} s · peak RSS ${m.mb.toFixed(0)} MB · budget ${c.seconds} s, ${c.mb} MB · ${ok ? 'ok' : `OVER${m.over ? ` (${m.over})` : ''}`} · ${m.what}`;
    } else {
      over++;
      line = `${c.name}: did not finish (${r.error ? `stopped after ${c.seconds * 5} s` : `exit ${r.status}`}) · budget ${c.seconds} s, ${c.mb} MB · OVER`;
    }
    console.log(line);
  }
  console.log(`bench:abuse: ${cases.length} cases · ${over} over budget`);
}
