import type { Command } from 'commander';
import { dbOption, isPostgresUrl, publicName } from './store-option.js';
import type { CommandContext } from '../main.js';
import { positiveInt } from '../numbers.js';
import { PgDocumentStore } from '../../store/postgres/store.js';
import type { DocumentStore } from '../../store/port.js';
import type { QueueStatus } from '../../queue/queue.js';
/** The queue (graphile-worker) is loaded by the commands that use it, not at every start. */
const queue = () => import('../../queue/queue.js');

/** The PostgreSQL store a queue command works on; a SQLite file has no queue. */
async function queueStore(db: string, command: string): Promise<PgDocumentStore> {
  if (!isPostgresUrl(db)) throw new Error(`${db}: ${command} works on a PostgreSQL store's queue (--db postgres://... or WALKBACK_DB)`);
  return PgDocumentStore.open(db);
}

/**
 * `walkback worker`: take analyze jobs from the store's queue (queued by `analyze --queue`),
 * then rebuild the ledger once none is left; as many as wanted, on any machine that reaches
 * the database and the queued paths.
 */
export function registerWorker(program: Command, { io }: CommandContext): void {
  program
    .command('worker')
    .description('take queued analyze jobs from a PostgreSQL store (walkback analyze --queue) until stopped')
    .addOption(dbOption())
    .option('--concurrency <n>', 'jobs at once in this process (analysis is CPU-bound: rather one worker process per core)', '1')
    .option('--exit-when-idle', 'stop once the queue is empty')
    .option('--stale-after <s>', "unlock a job whose worker has not been heard from for this many seconds (it was killed)", '30')
    .action(async (flags: { db: string; concurrency: string; exitWhenIdle?: boolean; staleAfter: string }) => {
      const concurrency = positiveInt('--concurrency', flags.concurrency);
      const staleAfter = Number(flags.staleAfter);
      if (!(staleAfter > 0)) throw new Error(`--stale-after ${flags.staleAfter}: expected a number of seconds above 0`);
      const store = await queueStore(flags.db, 'worker');
      try {
        io.err(`walkback: worker on ${publicName(flags.db)} (${concurrency} at once)${flags.exitWhenIdle ? ', until the queue is empty' : '; Ctrl-C stops'}\n`);
        await (await queue()).runWorkers(store, { concurrency, exitWhenIdle: flags.exitWhenIdle, staleAfterMs: staleAfter * 1000 });
      } finally {
        await store.close();
      }
    });

  program
    .command('retry')
    .description("requeue a PostgreSQL store's failed analyze jobs")
    .addOption(dbOption())
    .action(async (flags: { db: string }) => {
      const store = await queueStore(flags.db, 'retry');
      try {
        io.out(`requeued ${await (await queue()).retryFailed(store)} failed job(s)\n`);
      } finally {
        await store.close();
      }
    });
}

/** The queue of a PostgreSQL store (graphile-worker's tables), for `walkback status`. */
export async function queueStatus(store: DocumentStore): Promise<QueueStatus> {
  if (!(store instanceof PgDocumentStore)) throw new Error(`${store.name}: a SQLite store has no queue`);
  return (await queue()).queueStatus(store);
}

/** `walkback status` on a PostgreSQL store: the queue, and every job that failed with its error. */
export function printQueueStatus(s: QueueStatus, name: string, out: (s: string) => void): void {
  out(`queue of ${name}: ${s.waiting} waiting · ${s.running} running · ${s.failed} failed\n`);
  for (const j of s.jobs) out(`  ${j.attempts >= j.maxAttempts ? 'FAILED' : 'retrying'} ${j.path ?? j.task} (attempt ${j.attempts} of ${j.maxAttempts}): ${(j.lastError ?? '').split('\n')[0]}\n`);
}
