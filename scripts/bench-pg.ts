/**
 * The queue on PostgreSQL: N synthetic articles queued (analyze --queue), then W worker
 * processes take them until none is left, the ledger rebuilt at the end; articles per second
 * from the workers' start to the last one's exit. The export's hash is printed too: runs with
 * other worker counts must print the same.
 *
 *   npm run bench:pg -- --n 10000 --workers 1|2|4 [--seed S] [--export FILE]
 *
 * Starts a PostgreSQL cluster of its own (test/helpers/pg-cluster.ts), or uses WALKBACK_PG_URL.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cliChild } from '../test/helpers/child.js';
import { freshDatabase, dropDatabase, startCluster } from '../test/helpers/pg-cluster.js';
import { writeCorpus } from './bench/corpus.js';
import { hasFlag, opt, whole } from './bench/args.js';

const n = whole('--n', '1000', 1);
const workers = whole('--workers', '1', 1);
const seed = whole('--seed', '1', 0);

const cluster = process.env.WALKBACK_PG_URL ? null : await startCluster();
const admin = process.env.WALKBACK_PG_URL ?? cluster?.url;
if (!admin) throw new Error('bench:pg: no PostgreSQL (apt-get install postgresql, or set WALKBACK_PG_URL)');
try {
  // One folder per corpus: a document's source is its path, so runs compare only on the same one.
  const corpus = join(tmpdir(), `walkback-bench-pg-${n}-${seed}`);
  if (!existsSync(corpus)) writeCorpus(corpus, n, seed);
  const db = await freshDatabase(admin, 'bench');
  try {
    const queued = await cliChild(['analyze', corpus, '--db', db, '--queue']);
    if (queued.code !== 0) throw new Error(`bench:pg: queueing failed: ${queued.err}`);
    const load = loadavg()[0]!.toFixed(1);
    const started = Date.now();
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: workers }, () => cliChild(['worker', '--db', db, '--exit-when-idle'])));
    const seconds = (performance.now() - t0) / 1000;
    const ended = started + seconds * 1000;
    for (const r of runs) if (r.code !== 0) throw new Error(`bench:pg: a worker failed: ${r.err}`);
    const exported = await cliChild(['export', '--db', db]);
    const docs = (JSON.parse(exported.out) as { documents: unknown[] }).documents.length;
    if (docs !== n) throw new Error(`bench:pg: ${docs} documents stored of ${n}`);
    console.log(`bench:pg: ${n} articles · ${workers} workers · ${(n / seconds).toFixed(1)} articles/s (load average ${load} at the start)`);
    // Where the time went: each document's commit time (added_at) splits the run in three.
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const span = (await client.query<{ first: string; last: string }>('SELECT MIN(added_at) AS first, MAX(added_at) AS last FROM documents')).rows[0]!;
    await client.end();
    const [first, last] = [Date.parse(span.first), Date.parse(span.last)];
    console.log(`bench:pg: start to first commit ${((first - started) / 1000).toFixed(1)} s · analysis ${((last - first) / 1000).toFixed(1)} s · last commit to exit (ledger, idle) ${((ended - last) / 1000).toFixed(1)} s`);
    if (hasFlag('--export')) writeFileSync(opt('--export', ''), exported.out);
    console.log(`bench:pg: ${seconds.toFixed(1)} s · export sha256 ${createHash('sha256').update(exported.out).digest('hex').slice(0, 16)}`);
  } finally {
    await dropDatabase(admin, db);
  }
} finally {
  cluster?.stop();
}
