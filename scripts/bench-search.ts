/**
 * npm run bench:search [-- --n 2000] [--conns 50] [--seconds 10] [--keep: build the store, print its path, stop]
 * Search under load, on loopback only: a store of N synthetic articles (scripts/bench/synthetic.ts,
 * stored without analysis: search reads only text and statements) and one 1 MB document, served
 * on 127.0.0.1; `conns` connections send searches of repeated words (a word 125 times, five
 * words each repeated) for `seconds`, while one more asks /api/stats in a loop. A benchmark,
 * not a test. Last line:
 *   bench:search: N searches (p50 X ms, p99 Y ms) · stats p50 X ms, p99 Y ms, max Z ms
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticle, makeRng } from './bench/synthetic.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { toDocRow } from '../src/store/store.js';
import { createDoc, emptyMeta } from '../src/core/doc.js';
import { buildApp } from '../src/server/app.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string): number => Number(args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const n = opt('--n', '2000');
const conns = opt('--conns', '50');
const seconds = opt('--seconds', '10');

const dir = mkdtempSync(join(tmpdir(), 'walkback-bench-search-'));
const store = new SqliteStore(join(dir, 'search.db'));

/** A document row with each sentence a statement, as much as search reads. */
function row(id: string, text: string) {
  const doc = createDoc({ id, source: `${id}.txt`, rawHash: `raw-${id}`, text, meta: { ...emptyMeta('txt'), title: text.slice(0, 60) } });
  const r = toDocRow({ doc, raw: Buffer.from(id), textHash: id, simhash: '', shingles: '' });
  let at = 0;
  for (const [i, s] of text.split(/(?<=\.)\s+/).entries()) {
    const start = text.indexOf(s, at);
    at = start + s.length;
    const span = { start, end: at, rule: 'bench' };
    r.statements.push({ id: `${id}:s${i}`, speakerLocal: null, speakerText: 'a speaker', kind: 'indirect', text: s, date: null, data: JSON.stringify({ cue: null, addressee: null, date: null, span, content: span, rule: 'bench' }) });
  }
  return r;
}

const articles = Array.from({ length: n }, (_, i) => generateArticle(i, makeRng(7_000_003 + i)));
for (let i = 0; i < n; i += 200) store.saveDocs(articles.slice(i, i + 200).map((a, j) => row(`d${i + j}`, a.text)));
let big = '';
for (let i = 0; big.length < 1_000_000; i++) big += `${articles[i % n]!.text}\n`;
store.saveDocs([row('dbig', big)]);

if (args.includes("--keep")) { console.log(join(dir, "search.db")); process.exit(0); }
const app = await buildApp({ store, uiRoot: null });
const base = await app.listen({ host: '127.0.0.1', port: 0 });

// The commonest words of the corpus: a repeated query of them matches nearly every document.
const freq = new Map<string, number>();
for (const a of articles.slice(0, 50)) for (const w of a.text.toLowerCase().match(/\b[a-z]{3,}\b/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
const common = [...freq].sort((a, b) => b[1] - a[1]).map(([w]) => w);
const word = common[0]!;
const five = common.slice(1, 6);
const queries = [Array(125).fill(word).join(' '), Array(20).fill(five.join(' ')).join(' ')];

const pct = (xs: number[], p: number): number => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);
async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return performance.now() - t;
}

const until = performance.now() + seconds * 1000;
const searchTimes: number[] = [];
const statsTimes: number[] = [];
const searcher = async (k: number): Promise<void> => {
  for (let i = 0; performance.now() < until && i < 100_000; i++) searchTimes.push(await timed(`${base}/api/search?q=${encodeURIComponent(queries[(k + i) % 2]!)}&limit=20`));
};
const stats = async (): Promise<void> => {
  for (let i = 0; performance.now() < until && i < 100_000; i++) {
    statsTimes.push(await timed(`${base}/api/stats`));
    await new Promise((r) => setTimeout(r, 20));
  }
};
await Promise.all([stats(), ...Array.from({ length: conns }, (_, k) => searcher(k))]);
await app.close();
store.close();
rmSync(dir, { recursive: true, force: true });
const f = (x: number): string => x.toFixed(1);
console.log(`bench:search: ${searchTimes.length} searches (p50 ${f(pct(searchTimes, 50))} ms, p99 ${f(pct(searchTimes, 99))} ms) · stats p50 ${f(pct(statsTimes, 50))} ms, p99 ${f(pct(statsTimes, 99))} ms, max ${f(Math.max(...statsTimes))} ms`);
