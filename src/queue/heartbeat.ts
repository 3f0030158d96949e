/**
 * A worker process says it is alive from a thread of its own (heartbeat-thread.ts). A job may
 * hold the main thread for minutes without yielding (a ledger rebuild clusters a large story in
 * one go); beats timed on the main thread stopped for as long, the process was taken for dead,
 * and another worker unlocked its job and ran it again: at 10,000 articles, two workers rebuilt
 * the ledger twice over. A process that is really gone stops its thread with it.
 */
import { once } from 'node:events';
import { hostname } from 'node:os';
import { moduleThread } from '../core/thread.js';

/** Record that these worker ids are alive, now. */
export const BEAT_SQL =
  'INSERT INTO worker_heartbeats (worker_id, host, pid, beat) SELECT id, $2, $3, now() FROM unnest($1::text[]) AS id ON CONFLICT (worker_id) DO UPDATE SET beat = now()';

export interface HeartbeatInit {
  url: string;
  beatMs: number;
  host: string;
  pid: number;
}

/** What the main thread tells the heartbeat: the ids to beat for (beaten at once), or to stop. */
export type HeartbeatMessage = { ids: string[] } | { stop: true };

export class Heartbeat {
  private constructor(private readonly thread: ReturnType<typeof moduleThread>) {}

  /** Beat every `beatMs` on a connection of its own to `url`, for the ids it is given. */
  static start(url: string, beatMs: number): Heartbeat {
    const init: HeartbeatInit = { url, beatMs, host: hostname(), pid: process.pid };
    const thread = moduleThread(import.meta.url, './heartbeat-thread', { workerData: init });
    // Beats are best effort: a thread that fails leaves the process looking dead, as it would be without beats.
    thread.on('error', () => {});
    // The thread alone must not keep the process alive.
    thread.unref();
    return new Heartbeat(thread);
  }

  /** Beat for these ids from now on, the first time at once. */
  beatFor(ids: Iterable<string>): void {
    this.thread.postMessage({ ids: [...ids] } satisfies HeartbeatMessage);
  }

  /** Stop beating (no beat is written after this resolves). */
  async stop(): Promise<void> {
    const exited = once(this.thread, 'exit');
    this.thread.postMessage({ stop: true } satisfies HeartbeatMessage);
    await exited;
  }
}
