/**
 * npm run bench:api [-- --n 50000] [--db FILE|postgres://URL | --pg] [--seconds 20] [--connections 50] [--jobs N] [--no-cache] [--identity]
 * The HTTP API under load: a store of N synthetic articles (scripts/bench/corpus.ts, analysed
 * as `npm run bench` does; --db reuses that store if it holds documents, else builds and keeps
 * it there; --pg: a database on a PostgreSQL cluster of its own, test/helpers/pg-cluster.ts)
 * served by `walkback serve` in a child process, then every list, detail and search
 * endpoint loaded in turn by autocannon (`connections` connections for `seconds` each);
 * `--no-cache` turns the server's response cache off, so that every answer is computed. Each
 * request says `accept-encoding: gzip, deflate, br`, as browsers and fetch do; `--identity`
 * asks for answers as they are instead (the cache then sends the bytes uncompressed). Detail
 * endpoints ask for the first item of their list: the busiest entity, the latest event. A
 * benchmark, not a test. One line an endpoint, then last:
 *   bench:api: N articles · worst p95 X ms (endpoint) · E errors
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { writeCorpus } from './bench/corpus.js';
import { analyzeIntoPort } from '../src/run-port.js';
import { openDocumentStore } from '../src/store/open.js';
import { startCluster, freshDatabase } from '../test/helpers/pg-cluster.js';
import { serveInChild } from './bench/served.js';

const args = process.argv.slice(2);
const opt = (name: string, d: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : d);
const whole = (name: string, d: string, min: number): number => {
  const v = Number(opt(name, d));
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} ${opt(name, d)}: expected a whole number of at least ${min}`);
  return v;
};
const n = whole('--n', '50000', 1);
const seconds = whole('--seconds', '20', 1);
const connections = whole('--connections', '50', 1);
const jobs = whole('--jobs', String(availableParallelism()), 0);

const cluster = args.includes('--pg') ? await startCluster() : null;
if (args.includes('--pg') && !cluster) throw new Error('bench:api --pg: no PostgreSQL binaries (apt-get install postgresql)');
const tmp = args.includes('--db') || cluster ? null : mkdtempSync(join(tmpdir(), 'walkback-bench-api-'));
const db = cluster ? await freshDatabase(cluster.url, 'benchapi') : tmp ? join(tmp, 'api.db') : opt('--db', '');
const store = await openDocumentStore(db);
if ((await store.counts()).documents === 0) {
  const corpus = mkdtempSync(join(tmpdir(), 'walkback-bench-api-corpus-'));
  writeCorpus(corpus, n, 1);
  const t0 = Date.now();
  await analyzeIntoPort(store, [corpus], { jobs });
  rmSync(corpus, { recursive: true, force: true });
  console.log(`built ${store.name}: ${n} articles in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const articles = (await store.counts()).documents;
await store.close();

const cached = !args.includes('--no-cache');
const identity = args.includes('--identity');
const headers: Record<string, string> = identity ? {} : { 'accept-encoding': 'gzip, deflate, br' };
const server = await serveInChild(db, { cache: cached });
const base = server.url;

const get = async <T>(path: string): Promise<T> => {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`GET ${path}: ${r.status}`);
  return (await r.json()) as T;
};
const first = async (path: string): Promise<string> => {
  const page = await get<{ items: Array<{ id: string }> }>(path);
  if (!page.items[0]) throw new Error(`GET ${path}: no items to ask for one of`);
  return encodeURIComponent(page.items[0].id);
};
const entity = await first('/api/entities?limit=1');
// A word of the first statement: search has hits.
const statement = await get<{ items: Array<{ id: string; text: string }> }>('/api/statements?limit=1');
const word = statement.items[0]?.text.match(/\p{L}{4,}/u)?.[0] ?? 'said';
const endpoints = [
  '/api/stats',
  '/api/vocabulary',
  '/api/documents?limit=20',
  `/api/documents/${await first('/api/documents?limit=1')}`,
  '/api/entities?limit=20',
  `/api/entities/${entity}`,
  '/api/statements?limit=20',
  `/api/statements?speaker=${entity}&limit=20`,
  `/api/statements/${encodeURIComponent(statement.items[0]!.id)}`,
  '/api/events?limit=20',
  `/api/events/${await first('/api/events?limit=1')}`,
  '/api/conflicts?limit=20',
  `/api/conflicts/${await first('/api/conflicts?limit=1')}`,
  `/api/search?q=${encodeURIComponent(word)}`,
  // The story page as the UI opens it, its filters' values, and filtered on a claim's speaker and on a conflict's kind.
  '/api/story?limit=50&minClaims=2',
  '/api/story/facets',
  `/api/story?limit=50&minClaims=2&speaker=${entity}`,
  '/api/story?limit=50&minClaims=2&kind=denial',
];

let worst = { p95: -1, path: '' };
let errors = 0;
try {
  for (const path of endpoints) {
    // Every response time, for the exact 95th percentile (autocannon's summary has 90 and 97.5).
    const times: number[] = [];
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({ url: base + path, connections, duration: seconds, headers }, (err, result) => (err ? reject(err as Error) : resolve(result)));
      run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
    });
    times.sort((a, b) => a - b);
    // A request over autocannon's timeout (10 s) is an error; an endpoint that answered nothing
    // in its run counts as infinitely slow, and every request it was sent as an error.
    const p95 = times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!) : Infinity;
    const failed = r.errors + r.timeouts + r.non2xx + (times.length ? 0 : r.requests.sent);
    errors += failed;
    console.log(`${path}: ${times.length} answered · p50 ${r.latency.p50} ms · p95 ${p95} ms · ${failed} errors`);
    if (p95 > worst.p95) worst = { p95, path };
  }
} finally {
  server.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  cluster?.stop();
}
console.log(`bench:api: ${articles} articles${cached ? '' : ' (no response cache)'}${identity ? ' (uncompressed)' : ''} · worst p95 ${worst.p95} ms (${worst.path}) · ${errors} errors`);
