/** The polite client: one request at a time per host, a least delay between two, Retry-After kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { localServer, type LocalServer } from './local-http.js';
import { PoliteFetcher, retryAfterMs } from '../../src/watch/polite-fetch.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('PoliteFetcher', () => {
  it('asks one host one thing at a time, with the least delay between two requests, naming walkback', async () => {
    const site = await localServer();
    servers.push(site);
    const spans: Array<{ start: number; end: number }> = [];
    site.routes.set('/page', (_req, res) => {
      const start = Date.now();
      setTimeout(() => {
        spans.push({ start, end: Date.now() });
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
      }, 20);
    });
    const f = new PoliteFetcher({ minDelayMs: 50, timeoutMs: 2000, maxBytes: 1000 });
    const got = await Promise.all([1, 2, 3].map(() => f.get(`${site.url}/page`)));
    expect(got.map((g) => g.status)).toEqual(['ok', 'ok', 'ok']);
    spans.sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start - spans[i - 1]!.end).toBeGreaterThanOrEqual(45);
    expect(site.log.every((r) => String(r.headers['user-agent']).startsWith('walkback'))).toBe(true);
  });

  it('sends the validators it was given and reads 304 as not modified', async () => {
    const site = await localServer();
    servers.push(site);
    site.routes.set('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Mon, 02 Mar 2026 09:00:00 GMT') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 09:00:00 GMT' }).end('<rss/>');
    });
    const f = new PoliteFetcher({ minDelayMs: 0, timeoutMs: 2000, maxBytes: 1000 });
    const first = await f.get(`${site.url}/feed`);
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 09:00:00 GMT' });
    expect(await f.get(`${site.url}/feed`, { etag: '"v1"' })).toEqual({ status: 'not-modified' });
    expect(await f.get(`${site.url}/feed`, { lastModified: 'Mon, 02 Mar 2026 09:00:00 GMT' })).toEqual({ status: 'not-modified' });
  });

  it('leaves a host that answered 503 alone until its Retry-After, without asking it', async () => {
    const site = await localServer();
    servers.push(site);
    site.routes.set('/busy', (_req, res) => res.writeHead(503, { 'retry-after': '30' }).end());
    const f = new PoliteFetcher({ minDelayMs: 0, timeoutMs: 2000, maxBytes: 1000 });
    const t0 = Date.now();
    const first = await f.get(`${site.url}/busy`);
    expect(first).toMatchObject({ status: 'error' });
    expect(first.status === 'error' && first.retryAt! - t0).toBeGreaterThanOrEqual(30_000);
    const second = await f.get(`${site.url}/other`);
    expect(second.status === 'error' && second.error.message).toMatch(/asked to be left alone until/);
    expect(site.log).toHaveLength(1);
  });

  it('refuses a body over the size limit', async () => {
    const site = await localServer();
    servers.push(site);
    site.routes.set('/big', (_req, res) => res.writeHead(200).end('x'.repeat(5000)));
    const f = new PoliteFetcher({ minDelayMs: 0, timeoutMs: 2000, maxBytes: 1000 });
    const got = await f.get(`${site.url}/big`);
    expect(got.status === 'error' && got.error.message).toMatch(/over the size limit/);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 09:05:00 GMT', now)).toBe(300_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
