/**
 * Alerts POSTed to webhooks, each as the JSON printed on stdout. A delivery is tried a few times
 * with growing pauses; one that still fails stays in the outbox (src/watch/state.ts) and is
 * tried again on later polls, after longer and longer waits, until it is delivered.
 */
import { USER_AGENT } from '../ingest/fetch-url.js';
import { backoffMs, sleep } from './backoff.js';
import type { WatchStore } from './state.js';

export interface DeliveryOptions {
  /** Tries within one poll before the alert waits in the outbox. */
  tries: number;
  /** The pause after the first failed try (ms), doubled after each. */
  pauseMs: number;
  /** The first wait in the outbox (ms), doubled after each failed poll, up to an hour. */
  outboxWaitMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One POST; null when the receiver took it (2xx), else why not. */
export async function post(url: string, body: string, timeoutMs: number): Promise<string | null> {
  try {
    const res = await fetch(url, { method: 'POST', body, redirect: 'error', signal: AbortSignal.timeout(timeoutMs), headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT } });
    await res.body?.cancel().catch(() => undefined);
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (err) {
    const e = err as Error;
    return e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : ((e.cause as Error | undefined)?.message ?? e.message);
  }
}

/** Try every outbox row that is due; returns how many were delivered and the lines to log for the rest. */
export async function deliverOutbox(state: WatchStore, opts: DeliveryOptions, now = Date.now()): Promise<{ delivered: number; failed: string[] }> {
  let delivered = 0;
  const failed: string[] = [];
  for (const row of await state.outboxDue(now)) {
    // Stopping: what is left stays in the outbox as it is, for the next run.
    if (opts.signal?.aborted) break;
    let why: string | null = 'not tried';
    for (let i = 0; i < opts.tries && why !== null && !opts.signal?.aborted; i++) {
      if (i > 0) await sleep(backoffMs(i, opts.pauseMs, 60_000), opts.signal);
      why = await post(row.webhook, alertJson(row.change, row.body), opts.timeoutMs);
    }
    if (why === null) {
      await state.delivered(row.change, row.webhook);
      delivered++;
    } else {
      await state.deliveryFailed(row.change, row.webhook, why, Date.now() + backoffMs(row.attempts + 1, opts.outboxWaitMs, 3_600_000));
      failed.push(`walkback watch: ${row.webhook}: alert ${row.change} not delivered (${why}); kept in the outbox, tried again later`);
    }
  }
  return { delivered, failed };
}

/** An alert as printed and POSTed: its number in the store, then its body. */
export function alertJson(seq: number, body: string): string {
  return JSON.stringify({ id: seq, ...(JSON.parse(body) as object) });
}
