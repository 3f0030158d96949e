/**
 * npm run eval:all: every corpus in ../shared/corpus that has a gold file in ../shared/eval
 * (<name>.gold.json), analysed by the CLI into a temporary store, exported, and scored by the
 * reference scorer. Prints each corpus's scorer lines and, last, the lowest claims F1 and the
 * lowest conflicts F1 among them: a change is judged on every story at once, never on one.
 * --gold-claims scores the conflict rule alone: each story's gold events and claims are fed
 * to the conflict stage (eval/gold-claims.ts), so the rule and the claims are judged apart.
 *   tsx scripts/eval-all.ts [--shared DIR] [--only NAME,...] [--verbose] [--gold-claims]
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../src/cli/main.js';
import { goldClaimsExport } from './eval/gold-claims.js';

const args = process.argv.slice(2);
const opt = (n: string): string | undefined => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const shared = opt('--shared') ?? '../shared';
const only = opt('--only')?.split(',');
const verbose = args.includes('--verbose');
const goldClaims = args.includes('--gold-claims');

interface Score {
  claims: { f1: number };
  conflicts: { f1: number };
}

/** The stories with gold: <shared>/eval/<name>.gold.json beside <shared>/corpus/<name>/. */
function stories(): string[] {
  return readdirSync(join(shared, 'eval'))
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .filter((n) => existsSync(join(shared, 'corpus', n)) && (!only || only.includes(n)))
    .sort();
}

const quiet = { out: () => {}, err: (s: string) => process.stderr.write(s), isTTY: false };
const scorer = join(shared, 'eval', 'score.mjs');

async function scoreStory(name: string): Promise<Score | null> {
  const dir = mkdtempSync(join(tmpdir(), 'walkback-eval-'));
  try {
    const db = join(dir, 'eval.db');
    const out = join(dir, 'export.json');
    if (goldClaims) writeFileSync(out, JSON.stringify(await goldClaimsExport(shared, name)));
    else {
      if ((await run(['analyze', join(shared, 'corpus', name), '--db', db], quiet)) === 2) throw new Error(`analyze failed on ${name}`);
      if ((await run(['export', '--db', db, '--format', 'json', '-o', out], quiet)) !== 0) throw new Error(`export failed on ${name}`);
    }
    const gold = join(shared, 'eval', `${name}.gold.json`);
    const text = spawnSync(process.execPath, [scorer, '--gold', gold, '--system', out, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
    process.stdout.write(`== ${name}\n${text.stdout}`);
    if (text.status !== 0) {
      process.stderr.write(text.stderr);
      return null;
    }
    const json = spawnSync(process.execPath, [scorer, '--gold', gold, '--system', out, '--json'], { encoding: 'utf8' });
    return JSON.parse(json.stdout) as Score;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const names = stories();
if (names.length === 0) {
  console.error(`eval:all: no corpus with a gold file under ${shared}`);
  process.exit(2);
}
const scores: Array<[string, Score]> = [];
for (const n of names) {
  const s = await scoreStory(n);
  if (s) scores.push([n, s]);
  else process.exitCode = 1;
}
const lowest = (pick: (s: Score) => number): string => {
  const [n, s] = scores.reduce((a, b) => (pick(b[1]) < pick(a[1]) ? b : a));
  return `${pick(s).toFixed(2)} (${n})`;
};
if (scores.length > 0) console.log(`lowest: claims F1 ${lowest((s) => s.claims.f1)} · conflicts F1 ${lowest((s) => s.conflicts.f1)} · over ${scores.length} stories`);
