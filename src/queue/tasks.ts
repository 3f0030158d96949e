/**
 * The queue's jobs (graphile-worker, in the store's PostgreSQL database): `analyze` reads one
 * input (a file or a URL), analyses it and saves its documents; the last of them asks for the
 * ledger, a single job under one job key, run when no analysis is left waiting or running. The ledger
 * is rebuilt under the store's advisory lock (src/store/postgres/store.ts), so however many
 * workers on however many machines, it is rebuilt by one at a time, over every committed
 * document, and comes out as one process would build it.
 */
import type { JobHelpers, TaskList } from 'graphile-worker';
import type { RunOptions } from '../run.js';
import { analyzeJob, rebuildStoreLedger } from '../run-port.js';
import type { DocumentStore } from '../store/port.js';

export const ANALYZE = 'walkback_analyze';
export const LEDGER = 'walkback_ledger';
/** The job key of the ledger job: at most one waits at a time. */
export const LEDGER_KEY = 'walkback:ledger';
/** How long the ledger waits after the last analysis asked for it (later requests push it back). */
export const LEDGER_DELAY_MS = 500;
/** Attempts of an analysis before it is failed for good (walkback retry requeues it). */
export const MAX_ATTEMPTS = 3;

/** What a worker is told of an input: read options fixed when it was queued. */
export type QueuedOptions = Pick<RunOptions, 'published' | 'maxBytes' | 'timeoutMs' | 'fieldMap' | 'docTimeoutMs'>;

export interface AnalyzePayload {
  path: string;
  options: QueuedOptions;
}

/**
 * Analyses waiting or to be retried, not running: each will ask for the ledger again once its
 * documents are committed. A running one may have asked already (it asks before its job is
 * marked done), so it must not hold the ledger back; if it is still to commit, it asks again.
 */
const ANALYSES_LEFT = `SELECT EXISTS (SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = '${ANALYZE}' AND attempts < max_attempts AND locked_at IS NULL) AS left`;

/**
 * Whether any analysis waits: the first waiting row answers (a count read every waiting job, for
 * every job). Prepared once a connection: planning it over the queue's view cost the server
 * twice as long as running it, at every job.
 */
async function analysesLeft(helpers: Pick<JobHelpers, 'withPgClient'>): Promise<boolean> {
  const res = await helpers.withPgClient((c) => c.query<{ left: boolean }>({ name: 'walkback_analyses_left', text: ANALYSES_LEFT }));
  return res.rows[0]?.left === true;
}

export const askForLedger = (helpers: Pick<JobHelpers, 'addJob'>): Promise<unknown> =>
  helpers.addJob(LEDGER, {}, { jobKey: LEDGER_KEY, jobKeyMode: 'replace', runAt: new Date(Date.now() + LEDGER_DELAY_MS), maxAttempts: MAX_ATTEMPTS });

export function taskList(store: DocumentStore): TaskList {
  return {
    [ANALYZE]: async (payload, helpers) => {
      const { path, options } = payload as AnalyzePayload;
      try {
        // In this worker's thread: one input a job, the worker process is the unit of parallelism.
        const summary = await analyzeJob(store, [path], { ...options, jobs: 0 });
        // A bad input fails its job for good at once with the reader's one-line error (shown by
        // walkback status; walkback retry requeues it once mended): reading it again would fail
        // the same. graphile-worker's API fails only unlocked jobs, so its table is set here.
        if (summary.errors.length) {
          await helpers.query('UPDATE graphile_worker._private_jobs SET max_attempts = attempts WHERE id = $1', [helpers.job.id]);
          throw new Error(summary.errors.map((e) => e.format()).join('\n'));
        }
      } finally {
        // Failed or not: when no analysis waits, this may have been the last; the ledger is asked
        // for (one job key: the asks of analyses ending together make one rebuild). When some
        // wait, the last of them asks: a job each would add a queue write to every analysis.
        if (!(await analysesLeft(helpers))) await askForLedger(helpers);
      }
    },
    [LEDGER]: async (_payload, helpers) => {
      // Analyses still to come would each make this ledger stale: the last of them asks again.
      if (await analysesLeft(helpers)) return;
      await rebuildStoreLedger(store);
    },
  };
}
