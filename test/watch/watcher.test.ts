/**
 * The watch loop through its library API: a webhook that was down gets its alert later from the
 * outbox; a restart fetches and alerts nothing twice; --match leaves unrelated items out; a page
 * that lists articles is a source; an article that keeps failing falls back to the feed's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { localServer, rss, serve, type FeedItem, type LocalServer } from './local-http.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { Watcher, type WatchOptions } from '../../src/watch/watcher.js';
import { SqliteDocumentStore } from '../../src/store/sqlite/port.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/watch', name), 'utf8');
const AGREED = '/2026/03/02/halden-agrees-to-meet-varga';
const DENIED = '/2026/03/03/varga-denies-meeting-halden';

const servers: LocalServer[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  for (const s of servers.splice(0)) await s.close();
});

async function newsSite(items: FeedItem[]): Promise<LocalServer> {
  const site = await localServer();
  servers.push(site);
  site.routes.set('/feed.xml', serve('application/rss+xml', () => rss('The Vessa Courier', items)));
  site.routes.set(AGREED, serve('text/html', () => fixture('agreed.html')));
  site.routes.set(DENIED, serve('text/html', () => fixture('denied.html')));
  return site;
}

const storeAt = (file: string): SqliteStore => {
  const s = new SqliteStore(file);
  stores.push(s);
  return s;
};

async function watcher(store: SqliteStore, sources: string[], opts: Partial<WatchOptions> = {}): Promise<{ w: Watcher; out: string[]; log: string[] }> {
  const out: string[] = [];
  const log: string[] = [];
  const w = await Watcher.open(
    new SqliteDocumentStore(store),
    sources.map((url) => ({ url, name: null })),
    { everyMs: 600_000, minDelayMs: 0, jobs: 0, out: (l) => out.push(l), log: (l) => log.push(l), delivery: { tries: 2, pauseMs: 5, outboxWaitMs: 1, timeoutMs: 2000 }, errorBackoffMs: 1, ...opts },
  );
  return { w, out, log };
}

const both = (site: LocalServer): FeedItem[] => [
  { title: 'Halden agrees to meet Varga', link: `${site.url}${AGREED}`, pubDate: 'Mon, 02 Mar 2026 09:00:00 GMT' },
  { title: 'Varga denies agreeing to meet Halden', link: `${site.url}${DENIED}`, pubDate: 'Tue, 03 Mar 2026 11:00:00 GMT' },
];

describe('Watcher', () => {
  it('keeps an alert the webhook could not take in the outbox, and delivers it once the receiver is back', async () => {
    const items: FeedItem[] = [];
    const site = await newsSite(items);
    items.push(...both(site));
    // A receiver that is down: a port nothing listens on any more.
    const probe = await localServer();
    const port = probe.port;
    await probe.close();
    const db = join(tempDir('walkback-watch-'), 'story.db');
    const first = await watcher(storeAt(db), [`${site.url}/feed.xml`], { webhooks: [`http://127.0.0.1:${port}/hook`] });
    const s1 = await first.w.poll(true);
    expect(s1).toMatchObject({ analysed: 2, alerts: 1, delivered: 0 });
    expect(first.out).toHaveLength(1);
    expect(first.log.join('\n')).toMatch(/alert \d+ not delivered \(connect ECONNREFUSED.*kept in the outbox/);
    expect(await first.w.state.outboxSize()).toBe(1);
    stores.pop()!.close();

    // Restarted, with the receiver up again on its port: the outbox is delivered, nothing is alerted again.
    const hook = await localServer(port);
    servers.push(hook);
    hook.routes.set('/hook', (_req, res) => res.writeHead(200).end('ok'));
    await new Promise((r) => setTimeout(r, 5));
    const second = await watcher(storeAt(db), [`${site.url}/feed.xml`]);
    const s2 = await second.w.poll(true);
    expect(s2).toMatchObject({ analysed: 0, alerts: 0, delivered: 1 });
    expect(second.out).toEqual([]);
    expect(await second.w.state.outboxSize()).toBe(0);
    expect(hook.log).toHaveLength(1);
    expect(JSON.parse(hook.log[0]!.body)).toEqual(JSON.parse(first.out[0]!));
    // Each article was fetched once in all.
    expect(site.log.filter((r) => r.path.startsWith('/2026/')).length).toBe(2);
  });

  it('leaves out items that do not match, and does not fetch them again', async () => {
    const items: FeedItem[] = [];
    const site = await newsSite(items);
    site.routes.set('/2026/03/02/harvest-fair-opens-in-orsk', serve('text/html', () => '<html><head><title>Harvest fair opens</title></head><body><article><p>The harvest fair opened in Orsk on Monday with a parade of tractors and a brass band.</p></article></body></html>'));
    items.push({ title: 'Harvest fair opens', link: `${site.url}/2026/03/02/harvest-fair-opens-in-orsk`, pubDate: 'Mon, 02 Mar 2026 08:00:00 GMT' }, both(site)[0]!);
    const store = storeAt(join(tempDir('walkback-watch-'), 'story.db'));
    const { w } = await watcher(store, [`${site.url}/feed.xml`], { match: ['Varga, dam'] });
    expect(await w.poll(true)).toMatchObject({ newItems: 2, analysed: 1 });
    expect(await w.state.itemCounts()).toEqual({ pending: 0, done: 1, skipped: 1, failed: 0 });
    expect(store.loadExport().documents.map((d) => d.source)).toEqual([`${site.url}${AGREED}`]);
    // The feed gains the denial: only it is fetched.
    items.push(both(site)[1]!);
    const fetchedBefore = site.log.filter((r) => r.path.startsWith('/2026/')).length;
    expect(await w.poll(true)).toMatchObject({ newItems: 1, analysed: 1, alerts: 1 });
    expect(site.log.filter((r) => r.path.startsWith('/2026/')).slice(fetchedBefore).map((r) => r.path)).toEqual([DENIED]);
  });

  it('follows the article links of a page that lists articles, not its navigation', async () => {
    const site = await newsSite([]);
    site.routes.set(
      '/politics',
      serve('text/html', () => `<html><body><nav><a href="/2026/03/01/about-our-newsroom-and-staff">About</a></nav><header><a href="/politics">Politics</a></header>
<main><h1>Politics</h1><ul><li><a href="${AGREED}">Halden agrees to meet Varga</a></li><li><a href="${DENIED}#comments">Varga denies it</a></li><li><a href="/tags/dam">dam</a></li><li><a href="https://elsewhere.invalid/2026/03/03/some-other-long-story">elsewhere</a></li></ul></main>
<footer><a href="/2026/01/01/terms-of-use-and-privacy">Terms</a></footer></body></html>`),
    );
    const store = storeAt(join(tempDir('walkback-watch-'), 'story.db'));
    const { w, out } = await watcher(store, [`${site.url}/politics`]);
    expect(await w.poll(true)).toMatchObject({ newItems: 2, analysed: 2, alerts: 1 });
    expect(JSON.parse(out[0]!)).toMatchObject({ kind: 'denial' });
    expect(site.log.map((r) => r.path).sort()).toEqual([DENIED, AGREED, '/politics'].sort());
  });

  it('tries a failing article again later, then analyses the feed’s own text of it', async () => {
    const items: FeedItem[] = [];
    const site = await newsSite(items);
    site.routes.set(AGREED, (_req, res) => res.writeHead(500).end());
    items.push({ ...both(site)[0]!, description: fixture('agreed.html').replace(/^[\s\S]*<article>|<\/article>[\s\S]*$/g, '') });
    const store = storeAt(join(tempDir('walkback-watch-'), 'story.db'));
    const { w, log } = await watcher(store, [`${site.url}/feed.xml`]);
    expect(await w.poll(true)).toMatchObject({ newItems: 1, analysed: 0 });
    await new Promise((r) => setTimeout(r, 5));
    expect(await w.poll(true)).toMatchObject({ analysed: 0 });
    await new Promise((r) => setTimeout(r, 5));
    expect(await w.poll(true)).toMatchObject({ analysed: 1 });
    expect(log.filter((l) => l.includes(AGREED))).toEqual([
      expect.stringMatching(/HTTP 500 .*tried 1 time/),
      expect.stringMatching(/HTTP 500 .*tried 2 time/),
      expect.stringMatching(/HTTP 500.*analysing the feed's own text of it instead/),
    ]);
    expect(store.loadExport().claims.map((c) => c.status)).toContain('agreed');
  });

  it('analyses an article fetched before a stop without fetching it again', async () => {
    const items: FeedItem[] = [];
    const site = await newsSite(items);
    items.push(both(site)[0]!);
    const store = storeAt(join(tempDir('walkback-watch-'), 'story.db'));
    // What a watch stopped between fetching an article and analysing it leaves in the store.
    const { w } = await watcher(store, [`${site.url}/feed.xml`]);
    const link = `${site.url}${AGREED}`;
    await w.state.addItems(`${site.url}/feed.xml`, [{ url: link, record: JSON.stringify({ url: link, title: 'Halden agrees to meet Varga' }) }]);
    await w.state.setRecord(link, JSON.stringify({ url: link, title: 'Halden agrees to meet Varga', html: fixture('agreed.html'), fetched: true }));
    expect(await w.poll(true)).toMatchObject({ newItems: 0, analysed: 1 });
    expect(site.log.map((r) => r.path)).toEqual(['/feed.xml']);
    expect(store.loadExport().documents.map((d) => d.source)).toEqual([link]);
  });

  it('polls only the sources it was given, not others the store remembers', async () => {
    const site = await newsSite([]);
    const store = storeAt(join(tempDir('walkback-watch-'), 'story.db'));
    await (await watcher(store, [`${site.url}/feed.xml`])).w.poll(true);
    site.routes.set('/other.xml', serve('application/rss+xml', () => rss('Other', [])));
    const { w } = await watcher(store, [`${site.url}/other.xml`]);
    expect(await w.poll(true)).toMatchObject({ polled: 1 });
    expect(site.log.map((r) => r.path)).toEqual(['/feed.xml', '/other.xml']);
    expect((await w.state.sources()).map((s) => new URL(s.url).pathname)).toEqual(['/feed.xml', '/other.xml']);
  });
});
