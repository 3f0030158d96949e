/**
 * The "Done when": a local feed publishes an article in which one party agrees to a
 * meeting, later one in which the other side denies it; `watch` emits exactly one denial alert,
 * on stdout, to a webhook and in /alerts.atom, with both evidence sentences and their URLs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { localServer, rss, serve, type FeedItem, type LocalServer } from './local-http.js';
import { buildApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/watch', name), 'utf8');

describe('walkback watch, end to end', () => {
  let news: LocalServer;
  let hook: LocalServer;
  const items: FeedItem[] = [];
  const db = join(tempDir('walkback-watch-'), 'story.db');

  beforeAll(async () => {
    news = await localServer();
    hook = await localServer();
    news.routes.set('/feed.xml', serve('application/rss+xml', () => rss('The Vessa Courier', items)));
    news.routes.set('/2026/03/02/halden-agrees-to-meet-varga', serve('text/html; charset=utf-8', () => fixture('agreed.html')));
    news.routes.set('/2026/03/03/varga-denies-meeting-halden', serve('text/html; charset=utf-8', () => fixture('denied.html')));
    hook.routes.set('/hook', (_req, res) => res.writeHead(204).end());
  });
  afterAll(async () => {
    await news.close();
    await hook.close();
  });

  const watchOnce = () => cli('watch', `${news.url}/feed.xml`, '--db', db, '--once', '--delay', '0s', '--jobs', '0', '--webhook', `${hook.url}/hook`);
  const articleRequests = () => news.log.filter((r) => r.path.startsWith('/2026/'));

  it('alerts exactly once, on stdout, to the webhook and in the Atom feed, when the other side denies', async () => {
    items.push({ title: 'Halden agrees to meet Varga', link: `${news.url}/2026/03/02/halden-agrees-to-meet-varga`, pubDate: 'Mon, 02 Mar 2026 09:00:00 GMT' });
    const first = await watchOnce();
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe('');

    items.push({ title: 'Varga denies agreeing to meet Halden', link: `${news.url}/2026/03/03/varga-denies-meeting-halden`, pubDate: 'Tue, 03 Mar 2026 11:00:00 GMT' });
    const second = await watchOnce();
    expect(second.code, second.err).toBe(0);
    const lines = second.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const alert = JSON.parse(lines[0]!) as { kind: string; event: { label: string }; explanation: string; claims: Array<{ source: string; evidence: string; url: string; date: string }> };
    expect(alert.kind).toBe('denial');
    expect(alert.event.label).toContain('Halden');
    expect(alert.claims.map((c) => c.url)).toEqual([`${news.url}/2026/03/02/halden-agrees-to-meet-varga`, `${news.url}/2026/03/03/varga-denies-meeting-halden`]);
    expect(alert.claims[0]!.evidence).toContain('agreed to meet President Varga');
    expect(alert.claims[1]!.evidence).toContain('agreed to a meeting with Norland Prime Minister Arvid Halden');
    expect(alert.claims.map((c) => c.source)).toEqual(['Arvid Halden', 'Ilse Varga']);
    expect(alert.claims.map((c) => c.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(alert.explanation).toMatch(/Halden said on 2026-03-02 .* but Ilse Varga said on 2026-03-03/);

    // The webhook got the same JSON, once.
    const posts = hook.log.filter((r) => r.path === '/hook');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.method).toBe('POST');
    expect(posts[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(posts[0]!.body)).toEqual(alert);

    // Each article was fetched once, by a client naming walkback.
    expect(articleRequests().map((r) => r.path)).toEqual(['/2026/03/02/halden-agrees-to-meet-varga', '/2026/03/03/varga-denies-meeting-halden']);
    expect(news.log.every((r) => String(r.headers['user-agent']).startsWith('walkback'))).toBe(true);

    // The same alert in the Atom feed that `serve` publishes.
    const store = new SqliteStore(db, { readOnly: true });
    const app = await buildApp({ store, uiRoot: null, searchWorkers: 0 });
    try {
      const atom = await app.inject({ url: '/alerts.atom', headers: { host: '127.0.0.1' } });
      expect(atom.statusCode).toBe(200);
      expect(atom.headers['content-type']).toContain('application/atom+xml');
      expect(atom.body.match(/<entry>/g)).toHaveLength(1);
      expect(atom.body).toContain('<title>denial: ');
      for (const c of alert.claims) {
        expect(atom.body).toContain(c.url);
        expect(atom.body).toContain(c.evidence);
      }
      // /api/changes: the new claims, then the conflict; from its cursor, nothing more.
      const all = (await app.inject({ url: '/api/changes?since=0', headers: { host: '127.0.0.1' } })).json() as { cursor: number; items: Array<{ kind: string; alert: boolean }> };
      expect(all.items.filter((c) => c.alert).map((c) => c.kind)).toEqual(['conflict']);
      expect(all.items.filter((c) => c.kind === 'claim').length).toBeGreaterThanOrEqual(3);
      const after = (await app.inject({ url: `/api/changes?since=${all.cursor}`, headers: { host: '127.0.0.1' } })).json() as { items: unknown[] };
      expect(after.items).toEqual([]);
      const future = (await app.inject({ url: '/api/changes?since=2999-01-01T00:00:00Z', headers: { host: '127.0.0.1' } })).json() as { items: unknown[] };
      expect(future.items).toEqual([]);
      const bad = await app.inject({ url: '/api/changes?since=yesterday-ish', headers: { host: '127.0.0.1' } });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
      store.close();
    }

    // Polled again (a restart): the feed answers 304, nothing is fetched or alerted twice.
    const third = await watchOnce();
    expect(third.code, third.err).toBe(0);
    expect(third.out).toBe('');
    expect(articleRequests()).toHaveLength(2);
    expect(news.log.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match']).toBeTruthy();
    expect(hook.log).toHaveLength(1);

    const status = await cli('status', '--db', db, '--json');
    const s = JSON.parse(status.out) as { sources: Array<{ url: string; failures: number }>; items: { done: number }; alerts: number; outbox: number };
    expect(s).toMatchObject({ items: { done: 2 }, alerts: 1, outbox: 0 });
    expect(s.sources).toMatchObject([{ url: `${news.url}/feed.xml`, failures: 0 }]);
  });
});
