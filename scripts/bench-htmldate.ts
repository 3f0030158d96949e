/**
 * htmldate evaluation subset (../shared/benchmarks/htmldate): each page through the ingest
 * path (buildDoc) and resolvePublished, with no URL given, scored as the repository does:
 * no output FN, the expected day TP, any other day FP; accuracy = TP / all.
 * `npx tsx scripts/bench-htmldate.ts [--verbose]`
 */
import { readFileSync } from 'node:fs';
import { buildDoc } from '../src/clean/index.js';
import { resolvePublished } from '../src/time/index.js';

interface Expected { file: string; published: string }
const root = new URL('../../shared/benchmarks/htmldate/', import.meta.url);
const verbose = process.argv.includes('--verbose');
const pages = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8')) as Expected[];

let tp = 0, fp = 0, fn = 0, failed = 0;
const bySource = new Map<string, [number, number]>();
const t0 = performance.now();
for (const p of pages) {
  let got: string | null = null;
  let source = 'none';
  let why = '';
  try {
    const doc = buildDoc({ source: p.file, bytes: readFileSync(new URL(`pages/${p.file}`, root)), format: 'html' });
    resolvePublished(doc);
    got = doc.meta.published?.date ?? null;
    source = doc.meta.published?.source ?? 'none';
    const pub = doc.meta.published;
    // The reason: the rule and the words it read, then what else the page offered.
    why = pub ? `by ${pub.rule ?? pub.source} from "${pub.raw.slice(0, 60)}"` : 'no candidate held';
    const others = doc.meta.dateCandidates.slice(0, 5).map((c) => `${c.rule ?? c.source}="${c.raw.slice(0, 40)}"`);
    why += others.length ? `; candidates: ${others.join(', ')}` : '; the page offered no candidate';
  } catch (err) {
    failed++;
    if (verbose) console.log(`error  ${p.file}: ${(err as Error).message}`);
  }
  const s = bySource.get(source) ?? [0, 0];
  if (got === null) fn++;
  else if (got === p.published) { tp++; s[0]++; }
  else fp++;
  s[1]++;
  bySource.set(source, s);
  if (verbose && got !== p.published) console.log(`${got ? 'wrong' : 'none '}  ${p.file}  expected ${p.published}  got ${got} (${source}) ${why}`);
}
const ms = (performance.now() - t0) / pages.length;
const P = tp / Math.max(1, tp + fp), R = tp / Math.max(1, tp + fn);
console.log(`by source: ${[...bySource].map(([k, [ok, n]]) => `${k} ${ok}/${n}`).join(', ')}; ${failed} pages failed; ${ms.toFixed(1)} ms/page`);
console.log(`precision ${P.toFixed(3)} · recall ${R.toFixed(3)} · F ${((2 * tp) / Math.max(1, 2 * tp + fp + fn)).toFixed(3)}`);
console.log(`htmldate: accuracy ${(tp / pages.length).toFixed(3)} (${tp}/${pages.length})`);
