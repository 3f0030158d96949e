/**
 * A polite HTTP client for `watch`: one request at a time per host, a minimum delay between
 * two requests to the same host, a host that answers 429 or 503 left alone for as long as its
 * Retry-After says, conditional requests (ETag, Last-Modified), redirects followed by hand so a
 * loop is named as one, and the time-out and size limit `analyze` uses for URLs.
 */
import { InputError } from '../core/message.js';
import { USER_AGENT, fetchFailure, readBody } from '../ingest/fetch-url.js';

export interface PoliteOptions {
  /** Least time between two requests to one host (ms). */
  minDelayMs: number;
  timeoutMs: number;
  maxBytes: number;
  /** Longest wait a Retry-After may impose (ms): a server asking for a day is polled again sooner. */
  maxRetryAfterMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

export type PoliteResult =
  | { status: 'ok'; url: string; bytes: Buffer; contentType: string | null; etag: string | null; lastModified: string | null }
  | { status: 'not-modified' }
  | { status: 'error'; error: InputError; /** When the server asked to be left alone (429/503 Retry-After): the time to come back (ms). */ retryAt?: number };

const MAX_REDIRECTS = 5;

export class PoliteFetcher {
  /**
   * Per host: the tail of its queue, the earliest time its next request may start, and until
   * when it asked (429/503) to be left alone: a request before then is not made, and says so.
   */
  private readonly hosts = new Map<string, { tail: Promise<unknown>; notBefore: number; leaveUntil: number }>();

  constructor(private readonly opts: PoliteOptions) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Run `task` when the host is free and its delay has passed; the next one waits for it. */
  private inTurn<T>(host: string, task: () => Promise<T>): Promise<T> {
    const h = this.hosts.get(host) ?? { tail: Promise.resolve(), notBefore: 0, leaveUntil: 0 };
    this.hosts.set(host, h);
    const run = h.tail.then(async () => {
      const wait = h.notBefore - this.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        return await task();
      } finally {
        h.notBefore = Math.max(h.notBefore, this.now() + this.opts.minDelayMs);
      }
    });
    h.tail = run.catch(() => undefined);
    return run;
  }

  get(url: string, validators: { etag?: string | null; lastModified?: string | null } = {}): Promise<PoliteResult> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return Promise.resolve({ status: 'error', error: new InputError(url, 'not a URL', 'ingest/fetch') });
    }
    return this.inTurn(host, () => {
      const until = this.hosts.get(host)!.leaveUntil;
      if (until > this.now()) return Promise.resolve<PoliteResult>({ status: 'error', error: new InputError(url, `${host} asked to be left alone until ${new Date(until).toISOString()}`, 'ingest/fetch'), retryAt: until });
      return this.request(url, host, validators);
    });
  }

  private async request(first: string, host: string, validators: { etag?: string | null; lastModified?: string | null }): Promise<PoliteResult> {
    const { timeoutMs, maxBytes } = this.opts;
    const signal = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/atom+xml,application/rss+xml,application/xml,text/xml,text/html;q=0.9,*/*;q=0.5' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const visited = new Set<string>();
    let url = first;
    for (;;) {
      visited.add(url);
      let res: Response;
      try {
        res = await fetch(url, { redirect: 'manual', signal, headers });
      } catch (err) {
        return { status: 'error', error: fetchFailure(first, err, timeoutMs) };
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
        await res.body?.cancel().catch(() => undefined);
        const next = new URL(location, url).href;
        if (visited.has(next)) return { status: 'error', error: new InputError(first, `redirect loop (${next} again)`, 'ingest/fetch') };
        if (visited.size > MAX_REDIRECTS) return { status: 'error', error: new InputError(first, `more than ${MAX_REDIRECTS} redirects`, 'ingest/fetch') };
        url = next;
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { status: 'not-modified' };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        const error = new InputError(first, `HTTP ${res.status} ${res.statusText}`.trim(), 'ingest/fetch');
        if (res.status !== 429 && res.status !== 503) return { status: 'error', error };
        const retryAt = this.now() + Math.min(retryAfterMs(res.headers.get('retry-after'), this.now()) ?? 60_000, this.opts.maxRetryAfterMs ?? 3_600_000);
        const h = this.hosts.get(host)!;
        h.leaveUntil = Math.max(h.leaveUntil, retryAt);
        return { status: 'error', error, retryAt };
      }
      const bytes = await readBody(res, first, maxBytes);
      if (bytes instanceof InputError) return { status: 'error', error: bytes };
      return { status: 'ok', url, bytes, contentType: res.headers.get('content-type'), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    }
  }
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
