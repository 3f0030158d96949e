/**
 * Search under load, on loopback only: a store of N synthetic articles (synthetic.ts, stored
 * without analysis: search reads only text and statements) and one 1 MB document, served on
 * 127.0.0.1 by `walkback serve` in a child process (served.ts), so that the server's peak memory
 * is its own and not the load generator's; `conns` connections send searches of repeated words
 * (a word 125 times, five words each repeated) for `seconds`, while one more asks /api/stats in
 * a loop. Shared by bench:search and bench:abuse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArticle, makeRng } from './synthetic.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { toDocRow } from '../../src/store/store.js';
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import { Worker } from 'node:worker_threads';
import { serveInChild } from './served.js';

export interface SearchLoad {
  n: number;
  conns: number;
  seconds: number;
}

export interface SearchTimes {
  /** Milliseconds of each search answered, and of each /api/stats answered meanwhile. */
  searches: number[];
  stats: number[];
  /** Peak RSS in MB of the server's process, and of this one (the store's build and the load generator). */
  serverMb: number;
  loadMb: number;
}

/** A document row with each sentence a statement, as much as search reads. */
function row(id: string, text: string) {
  const doc = createDoc({ id, source: `${id}.txt`, rawHash: `raw-${id}`, text, meta: { ...emptyMeta('txt'), title: text.slice(0, 60) } });
  const r = toDocRow({ doc, raw: Buffer.from(id), textHash: id, simhash: '', shingles: '' });
  let at = 0;
  for (const [i, s] of text.split(/(?<=\.)\s+/).entries()) {
    const start = text.indexOf(s, at);
    at = start + s.length;
    const span = { start, end: at, rule: 'bench' };
    r.statements.push({ id: `${id}:s${i}`, speakerLocal: null, speakerText: 'a speaker', kind: 'indirect', text: s, date: null, data: JSON.stringify({ cue: null, addressee: null, date: null, span, content: span, rule: 'bench' }), rule: 'bench', spanText: false });
  }
  return r;
}

/** The store of the load: its folder and file (the caller removes the folder). */
export function searchStore(n: number): { dir: string; file: string; store: SqliteStore; articles: Array<{ text: string }> } {
  const dir = mkdtempSync(join(tmpdir(), 'walkback-bench-search-'));
  const file = join(dir, 'search.db');
  const store = new SqliteStore(file);
  const articles = Array.from({ length: n }, (_, i) => generateArticle(i, makeRng(7_000_003 + i)));
  for (let i = 0; i < n; i += 200) store.saveDocs(articles.slice(i, i + 200).map((a, j) => row(`d${i + j}`, a.text)));
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += `${articles[i % n]!.text}\n`;
  store.saveDocs([row('dbig', big)]);
  return { dir, file, store, articles };
}

export const percentile = (xs: number[], p: number): number => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return performance.now() - t;
}

/** /api/stats asked in a loop, 20 ms apart, until a time; posts the milliseconds of each answer. */
const STATS_PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const times = [];
  while (Date.now() < workerData.until && times.length < 100000) {
    const t = performance.now();
    const res = await fetch(workerData.url);
    await res.arrayBuffer();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(times);
})();
`;

export async function searchUnderLoad({ n, conns, seconds }: SearchLoad): Promise<SearchTimes> {
  const { dir, file, store, articles } = searchStore(n);
  store.close();
  const server = await serveInChild(file);
  const base = server.url;
  // The commonest words of the corpus: a repeated query of them matches nearly every document.
  const freq = new Map<string, number>();
  for (const a of articles.slice(0, 50)) for (const w of a.text.toLowerCase().match(/\b[a-z]{3,}\b/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  const common = [...freq].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const five = common.slice(1, 6);
  const queries = [Array(125).fill(common[0]!).join(' '), Array(20).fill(five.join(' ')).join(' ')];

  const until = performance.now() + seconds * 1000;
  const searches: number[] = [];
  const stats: number[] = [];
  const searcher = async (k: number): Promise<void> => {
    for (let i = 0; performance.now() < until && i < 100_000; i++) searches.push(await timed(`${base}/api/search?q=${encodeURIComponent(queries[(k + i) % 2]!)}&limit=20`));
  };
  // The probe runs on a thread of its own: its timings are the server's answers, not the waits
  // of this thread's event loop, busy with 50 connections' responses and their garbage.
  const statsLoop = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const probe = new Worker(STATS_PROBE, { eval: true, workerData: { url: `${base}/api/stats`, until: Date.now() + seconds * 1000 } });
      probe.once('message', (times: number[]) => {
        stats.push(...times);
        resolve();
      });
      probe.once('error', reject);
    });
  let serverMb: number;
  try {
    await Promise.all([statsLoop(), ...Array.from({ length: conns }, (_, k) => searcher(k))]);
    serverMb = await server.peakMb();
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { searches, stats, serverMb, loadMb: process.resourceUsage().maxRSS / 1024 };
}
