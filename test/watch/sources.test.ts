/**
 * Sources that fail (time-out, redirect loop, 429, a broken feed, a page that is no feed) fail
 * quietly: one line each, counted in `walkback status`, backed off, while the others are watched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { localServer, rss, serve, type LocalServer } from './local-http.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/watch', name), 'utf8');

interface Status {
  sources: Array<{ url: string; name: string | null; failures: number; total_failures: number; last_error: string | null; next_poll: number; last_ok: string | null }>;
  items: { done: number; pending: number; skipped: number; failed: number };
}

describe('walkback watch: failing sources', () => {
  let site: LocalServer;
  /** Another host: a 429 holds back every request to its host. */
  let busy: LocalServer;
  const dir = tempDir('walkback-watch-');
  const db = join(dir, 'story.db');
  const list = join(dir, 'sources.txt');

  beforeAll(async () => {
    site = await localServer();
    busy = await localServer();
    const article = `${site.url}/2026/03/02/halden-agrees-to-meet-varga`;
    site.routes.set('/good.xml', serve('application/rss+xml', () => rss('The Vessa Courier', [{ title: 'Halden agrees to meet Varga', link: article, pubDate: 'Mon, 02 Mar 2026 09:00:00 GMT' }])));
    site.routes.set('/2026/03/02/halden-agrees-to-meet-varga', serve('text/html', () => fixture('agreed.html')));
    site.routes.set('/slow.xml', () => undefined); // never answers
    site.routes.set('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
    site.routes.set('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
    busy.routes.set('/busy.xml', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    site.routes.set('/broken.xml', serve('application/rss+xml', () => '<?xml version="1.0"?><rss version="2.0"><channel><title>Half a feed</title><item><title>cut off</item></channel>'));
    site.routes.set('/data.json', serve('application/octet-stream', () => '\u0000\u0001binary'));
    writeFileSync(
      list,
      [
        '# the story, and some sources that fail',
        `${site.url}/good.xml The Vessa Courier`,
        `${site.url}/slow.xml`,
        `${site.url}/loop-a`,
        `${busy.url}/busy.xml Busy Wire`,
        `${site.url}/broken.xml`,
        `${site.url}/data.json`,
        'ftp://example.invalid/feed',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await site.close();
    await busy.close();
  });

  it('reports each failing source in one line, watches the others, and counts failures in status', async () => {
    const started = Date.now();
    const r = await cli('watch', list, '--db', db, '--once', '--delay', '0s', '--jobs', '0', '--timeout', '500');
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.find((l) => l.includes('sources.txt:8'))).toMatch(/not an http\(s\) URL: ftp:/);
    expect(lines.find((l) => l.includes('/slow.xml'))).toMatch(/timed out after 500 ms/);
    expect(lines.find((l) => l.includes('/loop-a'))).toMatch(/redirect loop/);
    expect(lines.find((l) => l.includes('/busy.xml'))).toMatch(/HTTP 429/);
    expect(lines.find((l) => l.includes('/broken.xml'))).toMatch(/malformed feed/);
    expect(lines.find((l) => l.includes('/data.json'))).toMatch(/neither a feed nor a web page/);
    expect(lines.at(-1)).toMatch(/polled 6 source\(s\) \(5 failed\), 1 new item\(s\), 1 analysed/);

    const status = JSON.parse((await cli('status', '--db', db, '--json')).out) as Status;
    expect(status.items).toEqual({ done: 1, pending: 0, skipped: 0, failed: 0 });
    const by = new Map(status.sources.map((s) => [new URL(s.url).pathname, s]));
    expect(by.get('/good.xml')).toMatchObject({ name: 'The Vessa Courier', failures: 0 });
    for (const p of ['/slow.xml', '/loop-a', '/busy.xml', '/broken.xml', '/data.json']) expect(by.get(p)).toMatchObject({ failures: 1, total_failures: 1, last_ok: null });
    // 429 with Retry-After: 120 s: not asked again before then.
    expect(by.get('/busy.xml')!.next_poll).toBeGreaterThanOrEqual(started + 120_000);

    const text = await cli('status', '--db', db);
    expect(text.out).toContain('Busy Wire');
    expect(text.out).toMatch(/FAILING \(1 in a row, 1 in all\): HTTP 429/);
    expect(text.out).toContain('items: 1 analysed');

    // Polled again at once: the failing sources are backed off and not asked; the good one answers 304.
    const before = site.log.length;
    const again = await cli('watch', list, '--db', db, '--once', '--delay', '0s', '--jobs', '0', '--timeout', '500');
    expect(again.err).toMatch(/polled 1 source\(s\) \(0 failed\), 0 new item/);
    expect(site.log.slice(before).map((l) => l.path)).toEqual(['/good.xml']);
    expect(busy.log).toHaveLength(1);
  });
});
