/**
 * npm run eval:seeds: analyze a corpus into a temporary store with the CLI, export it, and run
 * the reference scorer. The scorer's summary is the last line.
 *   tsx scripts/eval-seeds.ts [--corpus DIR] [--gold FILE] [--verbose] [--keep FILE]
 */
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../src/cli/main.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const corpus = opt('--corpus', '../shared/corpus/seeds');
const gold = opt('--gold', '../shared/eval/seeds.gold.json');
const dir = mkdtempSync(join(tmpdir(), 'walkback-eval-'));
const db = join(dir, 'eval.db');
const out = join(dir, 'export.json');
const quiet = { out: () => {}, err: (s: string) => process.stderr.write(s), isTTY: false };
try {
  const a = await run(['analyze', corpus, '--db', db], quiet);
  if (a === 2) throw new Error(`analyze failed on ${corpus}`);
  const e = await run(['export', '--db', db, '--format', 'json', '-o', out], quiet);
  if (e !== 0) throw new Error('export failed');
  if (args.includes('--keep')) copyFileSync(out, opt('--keep', 'export.json'));
  const r = spawnSync(process.execPath, ['../shared/eval/score.mjs', '--gold', gold, '--system', out, ...(args.includes('--verbose') ? ['--verbose'] : [])], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
