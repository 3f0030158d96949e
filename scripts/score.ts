/**
 * Developer loop without build or store: analyse a folder in memory, write the export,
 * run the reference scorer. `npx tsx scripts/score.ts [CORPUS] [GOLD] [--verbose] [--out FILE]`
 */
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { analyzePaths } from '../src/analyze.js';
import { buildLedger } from '../src/pipeline.js';
import { buildExport } from '../src/report/export.js';

const args = process.argv.slice(2);
const flag = (n: string): boolean => args.includes(n);
const opt = (n: string): string | undefined => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--out'));
const corpus = pos[0] ?? '../shared/corpus/seeds';
const gold = pos[1] ?? '../shared/eval/seeds.gold.json';
const out = opt('--out') ?? 'tmp/score-export.json';

const { docs, errors } = await analyzePaths([corpus]);
for (const e of errors) console.error(e.format());
const ledger = buildLedger(docs);
writeFileSync(out, JSON.stringify(buildExport(docs, ledger), null, 1));
const r = spawnSync(process.execPath, ['../shared/eval/score.mjs', '--gold', gold, '--system', out, ...(flag('--verbose') ? ['--verbose'] : [])], { stdio: 'inherit' });
process.exit(r.status ?? 1);
