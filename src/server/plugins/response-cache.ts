/**
 * Answers to GET requests kept as the bytes sent, keyed on the URL, for as long as the store
 * stays in the state they were computed in (`version`, src/store/data-version.ts): any write,
 * by this server or by another process, changes the version and drops every kept answer. Under
 * load most requests ask what was just asked (the UI's lists, a search being typed), and a
 * kept answer costs no query and no serialization: a detail page or a search that takes
 * milliseconds to build is sent in microseconds. Bounded in bytes, the least recently used
 * dropped first.
 *
 * Registered with fastify-plugin inside the context of the read routes (app.ts), so it caches
 * those routes and no other (never one behind a token). Only 200 answers are kept.
 *
 * An answer of a kilobyte or more is also kept gzipped (compressed once, off the event loop,
 * after the request that computed it is answered as it is, so that no request waits on it),
 * and sent so to a client that accepts it (browsers and fetch do): a search page or a page of
 * an event's timeline is an eighth of its size on the wire, and a busy server spends its time
 * answering instead of copying bytes.
 *
 * Requests for one URL that arrive while its answer is being computed wait for that answer
 * instead of computing it again: fifty connections opening on a search that takes a third of a
 * second would otherwise queue fifty searches on the search workers, and the first seconds of
 * a busy server would be spent on one question.
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import fp from 'fastify-plugin';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzip = promisify(gzipCallback);

/** Answers shorter than this are sent as they are: gzip would save less than a packet. */
export const GZIP_FROM_BYTES = 1024;

/** Bytes of answers kept by default. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

export interface ResponseCacheOptions {
  /** The state of the store now; null: not known (answers are then never kept). */
  version: () => string | null;
  /** Bytes of answers kept at most; 0 turns the cache off. */
  maxBytes: number;
}

interface Kept {
  /** The answer's bytes, encoded once (a string would be encoded again at every send). */
  body: Buffer;
  /** The same gzipped; null for an answer under GZIP_FROM_BYTES, and until it is compressed. */
  gzipped: Buffer | null;
  type: string;
  /** What it holds: the body and the gzipped body. */
  bytes: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The store's version when this request was taken: its answer is kept under it. */
    cacheVersion?: string | null;
    /** Set on the request that computes an answer others wait for: hands them the answer, or nothing. */
    cacheLead?: (kept: Kept | undefined) => void;
  }
}

/** The kept answers of one store state, least recently used first (a Map keeps insertion order). */
export class AnswerCache {
  private readonly kept = new Map<string, Kept>();
  private version: string | null = null;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(version: string, key: string): Kept | undefined {
    if (version !== this.version) this.reset(version);
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
    }
    return hit;
  }

  /** Keep an answer computed in `version` (dropped at once if the store has moved on since); the answer as kept. */
  set(version: string, key: string, body: Buffer, type: string): Kept | undefined {
    if (version !== this.version) return undefined;
    const bytes = body.length;
    if (bytes > this.maxBytes) return undefined;
    const was = this.kept.get(key);
    if (was) {
      this.kept.delete(key);
      this.bytes -= was.bytes;
    }
    const kept: Kept = { body, gzipped: null, type, bytes };
    this.kept.set(key, kept);
    this.bytes += bytes;
    this.trim();
    return kept;
  }

  /** Keep the gzipped bytes of an answer kept under `key`, if it still is. */
  addGzipped(key: string, kept: Kept, gzipped: Buffer): void {
    if (this.kept.get(key) !== kept || kept.gzipped) return;
    kept.gzipped = gzipped;
    kept.bytes += gzipped.length;
    this.bytes += gzipped.length;
    this.trim();
  }

  /** Drop the least recently used answers until what is kept fits. */
  private trim(): void {
    for (const [k, v] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(k);
      this.bytes -= v.bytes;
    }
  }

  get size(): { answers: number; bytes: number } {
    return { answers: this.kept.size, bytes: this.bytes };
  }

  private reset(version: string): void {
    this.kept.clear();
    this.bytes = 0;
    this.version = version;
  }
}

/** Whether the request's Accept-Encoding takes gzip before sending bytes as they are. */
const takesGzip = (req: FastifyRequest): boolean => {
  const header = req.headers['accept-encoding'];
  return typeof header === 'string' && negotiate(header, ['gzip', 'identity']) === 'gzip';
};

/** A kept answer's bytes for this request: gzipped when both it and the client allow. */
function sendKept(req: FastifyRequest, reply: FastifyReply, kept: Kept): Buffer {
  reply.header('content-type', kept.type).header('vary', 'accept-encoding');
  if (kept.gzipped && takesGzip(req)) {
    reply.header('content-encoding', 'gzip');
    return kept.gzipped;
  }
  return kept.body;
}

export const responseCachePlugin = fp<ResponseCacheOptions>(
  async (app, opts) => {
    if (opts.maxBytes <= 0) return;
    const cache = new AnswerCache(opts.maxBytes);
    // The answers being computed, by version and URL: what the requests for them wait on.
    const computing = new Map<string, Promise<Kept | undefined>>();
    const settle = (req: FastifyRequest, kept: Kept | undefined): void => {
      const lead = req.cacheLead;
      req.cacheLead = undefined;
      lead?.(kept);
    };
    app.addHook('onRequest', async (req, reply) => {
      if (req.method !== 'GET') return;
      const version = opts.version();
      req.cacheVersion = version;
      if (version === null) return;
      const key = `${version} ${req.url}`;
      // Only a request with an answer to wait for awaits: the first must register without a pause.
      const waitFor = computing.get(key);
      const hit = cache.get(version, req.url) ?? (waitFor ? await waitFor : undefined);
      if (hit) {
        // Sent as the bytes kept: no handler, no serialization.
        return reply.code(200).header('x-walkback-cache', 'hit').send(sendKept(req, reply, hit));
      }
      if (computing.has(key)) return; // the answer waited for was not kept (an error): computed here
      computing.set(
        key,
        new Promise((resolve) => {
          req.cacheLead = (kept) => {
            computing.delete(key);
            resolve(kept);
          };
        }),
      );
    });
    app.addHook('onSend', async (req, reply, payload) => {
      const version = req.cacheVersion;
      if (req.method !== 'GET' || !version || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('x-walkback-cache')) {
        settle(req, undefined);
        return payload;
      }
      const kept = cache.set(version, req.url, Buffer.from(payload), String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'));
      settle(req, kept);
      if (!kept) return payload;
      if (kept.body.length >= GZIP_FROM_BYTES) {
        gzip(kept.body).then(
          (z) => cache.addGzipped(req.url, kept, z),
          (err: unknown) => req.log.warn({ err }, 'response cache: gzip failed; the answer is kept as it is'),
        );
      }
      return sendKept(req, reply, kept);
    });
    // A request that ends without a payload sent (aborted, failed before onSend) lets its waiters compute their own.
    app.addHook('onResponse', async (req) => settle(req, undefined));
    app.addHook('onRequestAbort', async (req) => settle(req, undefined));
  },
  { name: 'walkback-response-cache', fastify: '5.x' },
);
