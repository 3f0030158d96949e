/**
 * The analysis queue of a PostgreSQL store (graphile-worker, schema graphile_worker in the same
 * database): queue inputs, run workers, show and requeue jobs. Workers on other machines need
 * the same database URL and the queued paths at the same place (a shared folder), or URLs.
 */
import { resolve } from 'node:path';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type Runner, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import { walkPaths } from '../ingest/walk.js';
import { formatFromName } from '../ingest/format.js';
import { InputError } from '../core/message.js';
import type { PgDocumentStore } from '../store/postgres/store.js';
import { ANALYZE, MAX_ATTEMPTS, taskList, type AnalyzePayload, type QueuedOptions } from './tasks.js';
import { inputHashes } from '../run-port.js';
import { Heartbeat } from './heartbeat.js';

/** graphile-worker's own log lines are left out; walkback says what it does itself. */
const quiet = new Logger(() => () => {});

async function utilsOf(store: PgDocumentStore): Promise<WorkerUtils> {
  const utils = await makeWorkerUtils({ pgPool: store.pool, logger: quiet });
  await utils.migrate();
  return utils;
}

const isUrl = (p: string): boolean => /^https?:\/\//i.test(p);

/** What enqueue did: jobs queued, and inputs left out because every item they hold is stored. */
export interface Enqueued {
  queued: number;
  unchanged: number;
}

/**
 * One analyze job per input file (a folder is walked here, with the include/exclude globs) or
 * URL, keyed by it: queuing the same input twice while it waits queues it once. A file whose
 * items are all stored already is not queued (a re-run queues nothing new); a URL is, its
 * content unknown until a worker fetches it (and stores nothing it has).
 */
export async function enqueue(store: PgDocumentStore, paths: string[], opts: QueuedOptions & { include?: string[]; exclude?: string[] }, onError: (e: InputError) => void): Promise<Enqueued> {
  const { include, exclude, ...options } = opts;
  const inputs: string[] = [];
  for (const p of paths) {
    if (p === '-') onError(new InputError('-', 'standard input cannot be queued (workers read their inputs themselves): save it to a file', 'queue/stdin'));
    else if (isUrl(p)) inputs.push(p);
    else
      for (const f of walkPaths([p], include, exclude, { readable: (f) => formatFromName(f) !== 'unknown' })) {
        if (f instanceof InputError) onError(f);
        else inputs.push(resolve(f));
      }
  }
  const fresh = await unstored(store, inputs, options);
  const utils = await utilsOf(store);
  try {
    for (const path of fresh) await utils.addJob(ANALYZE, { path, options } satisfies AnalyzePayload, { jobKey: `analyze:${path}`, maxAttempts: MAX_ATTEMPTS });
  } finally {
    await utils.release();
  }
  return { queued: fresh.length, unchanged: inputs.length - fresh.length };
}

/** The inputs that hold an item not stored yet: every URL, every file that cannot be read (its job says why). */
async function unstored(store: PgDocumentStore, inputs: string[], options: QueuedOptions): Promise<string[]> {
  const hashes = new Map<string, string[]>();
  for (const path of inputs) {
    const h = isUrl(path) ? null : await inputHashes([path], options);
    if (h?.length) hashes.set(path, h);
  }
  const stored = await store.storedHashes([...hashes.values()].flat());
  return inputs.filter((path) => !hashes.get(path)?.every((h) => stored.has(h)));
}

export interface WorkerOptions {
  /** Jobs run at once by this process (analysis is CPU-bound: run a process per core instead; more helps with URLs). */
  concurrency?: number;
  /** Stop when no job is left at all (tests, benchmarks, a batch run). */
  exitWhenIdle?: boolean;
  /** A job locked by a worker silent for this long is unlocked for the others (the worker was killed). */
  staleAfterMs?: number;
  /** How often this process says it is alive (from a thread of its own) and looks for dead workers' jobs. */
  beatMs?: number;
}

/** How many jobs are not done: waiting, running or to be retried (failed for good excluded). */
async function jobsLeft(store: PgDocumentStore): Promise<number> {
  return Number((await store.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM graphile_worker.jobs WHERE attempts < max_attempts')).rows[0]?.n ?? 0);
}

/**
 * Run workers until stopped (SIGINT, SIGTERM: jobs in hand are finished or released), or, with
 * exitWhenIdle, until the queue is empty. Every beat this process records that its workers are
 * alive, and unlocks the jobs of workers that have stopped beating.
 */
export async function runWorkers(store: PgDocumentStore, opts: WorkerOptions = {}): Promise<void> {
  const staleAfterMs = opts.staleAfterMs ?? 30_000;
  const beatMs = opts.beatMs ?? Math.max(100, Math.min(5_000, staleAfterMs / 3));
  const utils = await utilsOf(store);
  const ids = new Set<string>();
  // Beats come from a thread of their own: a job holding this thread must not look like death.
  const heartbeat = Heartbeat.start(store.url, beatMs);
  /** Unlock the jobs of workers (here or on other machines) that stopped beating. */
  const reapDead = async (): Promise<void> => {
    const dead = (
      await store.pool.query<{ locked_by: string }>(
        `SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => $1)
           AND NOT EXISTS (SELECT 1 FROM worker_heartbeats h WHERE h.worker_id = j.locked_by AND h.beat > now() - make_interval(secs => $1))`,
        [staleAfterMs / 1000],
      )
    ).rows.map((r) => r.locked_by);
    if (dead.length) await utils.forceUnlockWorkers(dead);
  };
  let runner: Runner | null = null;
  try {
    await reapDead();
    // Listened to before run(): its workers are made, and may take a job, before it returns.
    const events: WorkerEvents = new EventEmitter();
    events.on('worker:create', ({ worker }) => {
      ids.add(worker.workerId);
      heartbeat.beatFor(ids);
    });
    let stopping = false;
    const stopWhenIdle = async (): Promise<void> => {
      if (!opts.exitWhenIdle || stopping || !runner || (await jobsLeft(store)) > 0) return;
      stopping = true;
      await runner.stop();
    };
    // Asked whenever a worker finds no job (every poll interval while idle), not only at a beat:
    // a batch run exits as soon as the last job, the ledger's, is done.
    events.on('worker:getJob:empty', () => void stopWhenIdle().catch(() => {}));
    runner = await run({ pgPool: store.pool, taskList: taskList(store), concurrency: opts.concurrency ?? 1, logger: quiet, pollInterval: 200, noHandleSignals: false, events });
    const r = runner;
    const timer = setInterval(() => {
      void (async () => {
        await reapDead();
        await stopWhenIdle();
      })().catch(() => {});
    }, beatMs);
    try {
      await r.promise;
    } finally {
      clearInterval(timer);
    }
  } finally {
    await heartbeat.stop();
    if (ids.size) await store.pool.query('DELETE FROM worker_heartbeats WHERE worker_id = ANY($1)', [[...ids]]).catch(() => {});
    await utils.release();
  }
}

export interface QueueJob {
  id: string;
  task: string;
  path: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
}

export interface QueueStatus {
  waiting: number;
  running: number;
  failed: number;
  /** Jobs that failed at least once: retrying, or failed for good. */
  jobs: QueueJob[];
}

/** The queue as it is now; a store never queued into has an empty one. */
export async function queueStatus(store: PgDocumentStore): Promise<QueueStatus> {
  const exists = (await store.pool.query("SELECT to_regclass('graphile_worker.jobs') AS t")).rows[0]?.t;
  if (!exists) return { waiting: 0, running: 0, failed: 0, jobs: [] };
  const c = (
    await store.pool.query<{ waiting: string; running: string; failed: string }>(
      `SELECT COUNT(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts) AS waiting, COUNT(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
              COUNT(*) FILTER (WHERE attempts >= max_attempts) AS failed FROM graphile_worker.jobs`,
    )
  ).rows[0]!;
  const jobs = (
    await store.pool.query<{ id: string; task: string; path: string | null; attempts: number; max_attempts: number; last_error: string | null; locked_by: string | null }>(
      `SELECT j.id::text AS id, j.task_identifier AS task, p.payload->>'path' AS path, j.attempts, j.max_attempts, j.last_error, j.locked_by
       FROM graphile_worker.jobs j -- the public view has no payload: the path is read from the table behind it
       JOIN graphile_worker._private_jobs p ON p.id = j.id WHERE j.last_error IS NOT NULL ORDER BY j.id`,
    )
  ).rows;
  return {
    waiting: Number(c.waiting),
    running: Number(c.running),
    failed: Number(c.failed),
    jobs: jobs.map((j) => ({ id: j.id, task: j.task, path: j.path, attempts: j.attempts, maxAttempts: j.max_attempts, lastError: j.last_error, lockedBy: j.locked_by })),
  };
}

/** Requeue every job failed for good, now, with MAX_ATTEMPTS more attempts. Returns how many. */
export async function retryFailed(store: PgDocumentStore): Promise<number> {
  const failed = (await queueStatus(store)).jobs.filter((j) => j.attempts >= j.maxAttempts && !j.lockedBy);
  if (!failed.length) return 0;
  const utils = await utilsOf(store);
  let n = 0;
  try {
    // More attempts rather than attempts back to 0: rescheduleJobs passes `attempts: 0` on as "unchanged".
    for (const j of failed) n += (await utils.rescheduleJobs([j.id], { runAt: new Date(), maxAttempts: j.attempts + MAX_ATTEMPTS })).length;
  } finally {
    await utils.release();
  }
  return n;
}
