/**
 * npm run bench:compare [-- --base REV] [--runs N] [--n ARTICLES]
 * The bench of the working tree against a base revision (default HEAD), run in alternation in
 * one sitting. On a shared machine the same code measures a fifth faster or slower from one
 * minute to the next, so two figures taken apart say little; runs that alternate share the
 * machine's moods. The base is checked out as a git worktree in a temporary folder (sharing this
 * node_modules) and removed at the end. Last line:
 *   bench:compare: base REV X articles/s · working tree Y articles/s (medians of N runs each)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => (args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const base = opt('--base', 'HEAD');
const runs = Number(opt('--runs', '3'));
const n = opt('--n', '1000');
if (!Number.isInteger(runs) || runs <= 0) throw new Error(`--runs ${opt('--runs', '')}: expected a positive whole number`);

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'walkback-compare-'));
const tree = join(dir, 'base');
execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', tree, base], { stdio: 'ignore' });
// The base reads ../shared like the working tree does, and uses the same installed packages.
symlinkSync(resolve(root, '..', 'shared'), join(dir, 'shared'));
symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));

function bench(cwd: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--n', n], { cwd, encoding: 'utf8' });
  const m = /bench: \d+ articles · (\d+) articles\/s/.exec(r.stdout ?? '');
  if (!m) throw new Error(`bench in ${cwd} failed: ${(r.stderr || r.stdout || '').trim().split('\n').pop()}`);
  return Number(m[1]);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const results = { base: [] as number[], work: [] as number[] };
try {
  for (let i = 0; i < runs; i++) {
    results.base.push(bench(tree));
    results.work.push(bench(root));
    console.log(`run ${i + 1}: base ${results.base[i]} · working tree ${results.work[i]} articles/s`);
  }
} finally {
  execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', tree], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
console.log(`bench:compare: base ${base} ${median(results.base)} articles/s · working tree ${median(results.work)} articles/s (medians of ${runs} runs each)`);
