/**
 * npm run bench:abuse [-- --jobs N]: the inputs that used to stall analysis, each run in a
 * child process of its own (so its peak memory is its own), against its budget:
 *   nested-2500, nested-5000   a page of 2,500 / 5,000 nested <div>s, cleaned and analysed in
 *                              this thread (no worker): 2 s, 500 MB
 *   nested-5000-open           the same with no closing tags (a broken tree): 2 s, 500 MB
 *   text-20mb                  a 20 MB plain text through `walkback analyze` into a fresh store
 *                              (parts, worker pool, ledger): 60 s, 500 MB
 * One line per case: `NAME: X s · peak RSS Y MB · budget ... · ok|OVER`; last line:
 *   bench:abuse: N cases · K over budget
 * A benchmark, not a test: timings depend on the machine and its load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nestedHtml } from './bench/nested-html.js';
import { bigText } from './bench/big-text.js';
import { analyzeItem } from '../src/analyze.js';
import { run } from '../src/cli/main.js';

interface Case {
  name: string;
  seconds: number;
  mb: number;
  run: (dir: string, jobs: string[]) => Promise<string>;
}

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
      let out = '';
      const io = { out: (s: string) => void (out += s), err: (s: string) => void (out += s), isTTY: false };
      const code = await run(['analyze', file, '--db', join(dir, 'w.db'), ...jobs], io);
      return `exit ${code}: ${out.trim().split('\n')[0]}`;
    },
  },
];

const args = process.argv.slice(2);
const jobs = args.includes('--jobs') ? ['--jobs', args[args.indexOf('--jobs') + 1]!] : [];

if (args.includes('--case')) {
  // In the child: run one case, time it, and report as JSON on the last line.
  const c = CASES.find((k) => k.name === args[args.indexOf('--case') + 1])!;
  const dir = mkdtempSync(join(tmpdir(), 'walkback-abuse-'));
  try {
    const t0 = process.hrtime.bigint();
    const what = await c.run(dir, jobs);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(JSON.stringify({ seconds, mb: process.resourceUsage().maxRSS / 1024, what }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  let over = 0;
  for (const c of CASES) {
    // The timeout stops a case that stalls: the benchmark itself never hangs.
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', c.name, ...jobs], { encoding: 'utf8', timeout: c.seconds * 5 * 1000, maxBuffer: 64 * 1024 * 1024 });
    const last = r.stdout?.trim().split('\n').pop() ?? '';
    let line: string;
    if (r.status === 0 && last.startsWith('{')) {
      const m = JSON.parse(last) as { seconds: number; mb: number; what: string };
      const ok = m.seconds <= c.seconds && m.mb <= c.mb;
      if (!ok) over++;
      line = `${c.name}: ${m.seconds.toFixed(1)} s · peak RSS ${m.mb.toFixed(0)} MB · budget ${c.seconds} s, ${c.mb} MB · ${ok ? 'ok' : 'OVER'} · ${m.what}`;
    } else {
      over++;
      line = `${c.name}: did not finish (${r.error ? `stopped after ${c.seconds * 5} s` : `exit ${r.status}`}) · budget ${c.seconds} s, ${c.mb} MB · OVER`;
    }
    console.log(line);
  }
  console.log(`bench:abuse: ${CASES.length} cases · ${over} over budget`);
}
