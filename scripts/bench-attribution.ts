/**
 * PolNeAR attribution benchmark: analyse one split's texts in memory (as scripts/score.ts does:
 * analyzePaths + buildLedger + buildExport), write the export and score it with the reference
 * scorer against the split's gold. Develop on train and dev; run test only to report.
 *
 *   npm run bench:attribution                 # dev
 *   npm run bench:attribution -- --split test
 *   npm run bench:attribution -- --split train --limit 100 --verbose
 *
 * Prints the analysis speed, then the scorer's output; its last line is the scorer's summary.
 */
import { mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyzePaths } from '../src/analyze.js';
import { buildLedger } from '../src/pipeline.js';
import { buildExport } from '../src/report/export.js';

const args = process.argv.slice(2);
const opt = (n: string): string | undefined => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const split = opt('--split') ?? 'dev';
if (!['train', 'dev', 'test'].includes(split)) {
  console.error(`bench-attribution: --split must be train, dev or test, not ${split}`);
  process.exit(2);
}
const root = opt('--root') ?? '../shared/benchmarks/polnear';
const limit = Number(opt('--limit') ?? 0);
const textDir = join(root, split, 'text');
const gold = join(root, `${split}.gold.json`);
const out = opt('--out') ?? `tmp/polnear-${split}-export.json`;
mkdirSync('tmp', { recursive: true });

let paths = [textDir];
if (limit > 0) paths = readdirSync(textDir).sort().slice(0, limit).map((f) => join(textDir, f));
const t0 = performance.now();
const { docs, errors } = await analyzePaths(paths);
const ms = performance.now() - t0;
for (const e of errors) console.error(e.format());
const ledger = buildLedger(docs);
writeFileSync(out, JSON.stringify(buildExport(docs, ledger)));
const words = docs.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);
console.log(`polnear ${split}: ${docs.length} documents, ${words} words, ${(docs.length / (ms / 1000)).toFixed(0)} articles/s, ${docs.reduce((n, d) => n + d.statements.length, 0)} statements`);
const r = spawnSync(process.execPath, ['../shared/eval/score.mjs', '--gold', gold, '--system', out, ...(args.includes('--verbose') ? ['--verbose'] : [])], { encoding: 'utf8' });
const lines = (r.stdout ?? '').trimEnd().split('\n');
// Keep the scorer's summary the last line, even with --verbose.
const summary = lines.pop() ?? '';
const keep = lines.filter((l) => !/^\s+extra \S+ (?:meeting|call|deal|ceasefire)|^\s*(?:claims|conflicts)\b/.test(l));
if (keep.length) console.log(keep.join('\n'));
if (r.stderr) console.error(r.stderr.trimEnd());
console.log(summary);
process.exit(r.status ?? 1);
