/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
/**
 * What writes through the port, on both backends: `watch` (a feed polled, an alert raised once,
 * delivered to a webhook, listed by /api/changes and /alerts.atom; a restart fetches nothing
 * again), the editor's corrections (made, applied, undone; from the CLI and the API), and an
 * article posted to the API. Each backend's outcome is compared with the other's at the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Backend, DocumentStore } from '../../src/store/port.js';
import { buildApp } from '../../src/server/app.js';
import { analyzeIntoPort } from '../../src/run-port.js';
import { addCorrection, undoCorrection } from '../../src/corrections/correct.js';
import { Watcher } from '../../src/watch/watcher.js';
import { localServer, rss, serve, type FeedItem, type LocalServer } from '../watch/local-http.js';
import { cli } from '../helpers/cli.js';
import { backends, skipped, type Opened } from './backends.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/watch', name), 'utf8');
const AGREED = '/2026/03/02/halden-agrees-to-meet-varga';
const DENIED = '/2026/03/03/varga-denies-meeting-halden';
const TOKEN = 'c0ntract';

/** Each backend's outcomes, compared once both have run. */
const outcomes = new Map<string, Partial<Record<Backend, unknown>>>();
const keep = (what: string, backend: Backend, value: unknown): void => void outcomes.set(what, { ...outcomes.get(what), [backend]: value });

/** An alert as both backends must raise it: its time and its number in the store left out. */
const alertShape = (line: string): unknown => {
  const { at: _at, id: _id, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return rest;
};

/** One news site and one webhook receiver for both backends: the same URLs make the same documents. */
let news: LocalServer;
let hook: LocalServer;
const items: FeedItem[] = [];
beforeAll(async () => {
  news = await localServer();
  hook = await localServer();
  news.routes.set('/feed.xml', serve('application/rss+xml', () => rss('The Vessa Courier', items)));
  news.routes.set(AGREED, serve('text/html; charset=utf-8', () => fixture('agreed.html')));
  news.routes.set(DENIED, serve('text/html; charset=utf-8', () => fixture('denied.html')));
  hook.routes.set('/hook', (_req, res) => res.writeHead(204).end());
});
afterAll(async () => {
  await news.close();
  await hook.close();
});

describe.each(backends)('watch on the %s store', (backend, open) => {
  let opened: Opened;
  beforeAll(async () => {
    if (skipped(backend)) return;
    opened = await open();
    // The site as a new watcher first finds it.
    items.length = 0;
    news.log.length = 0;
    hook.log.length = 0;
  });
  afterAll(async () => {
    if (!skipped(backend)) await opened.done();
  });

  const poll = async (store: DocumentStore) => {
    const out: string[] = [];
    const w = await Watcher.open(store, [{ url: `${news.url}/feed.xml`, name: 'Courier' }], {
      everyMs: 600_000,
      minDelayMs: 0,
      jobs: 0,
      webhooks: [`${hook.url}/hook`],
      out: (l) => out.push(l),
      log: () => {},
      delivery: { tries: 1, pauseMs: 1, outboxWaitMs: 1, timeoutMs: 2000 },
    });
    return { summary: await w.poll(true), out, state: w.state };
  };

  it.skipIf(skipped(backend))('alerts once when the other side denies, delivers it, serves it, and fetches nothing twice', async () => {
    items.push({ title: 'Halden agrees to meet Varga', link: `${news.url}${AGREED}`, pubDate: 'Mon, 02 Mar 2026 09:00:00 GMT' });
    const first = await poll(opened.store);
    expect(first.summary).toMatchObject({ polled: 1, newItems: 1, analysed: 1, alerts: 0 });
    items.push({ title: 'Varga denies agreeing to meet Halden', link: `${news.url}${DENIED}`, pubDate: 'Tue, 03 Mar 2026 11:00:00 GMT' });
    const second = await poll(opened.store);
    expect(second.summary).toMatchObject({ newItems: 1, analysed: 1, alerts: 1, delivered: 1 });
    expect(JSON.parse(second.out[0]!)).toMatchObject({ kind: 'denial', claims: [{ url: `${news.url}${AGREED}` }, { url: `${news.url}${DENIED}` }] });
    expect(hook.log.map((r) => JSON.parse(r.body))).toEqual([JSON.parse(second.out[0]!)]);
    keep('alert', backend, alertShape(second.out[0]!));

    // Restarted: nothing new, nothing fetched or alerted again.
    const third = await poll(opened.store);
    expect(third.summary).toMatchObject({ newItems: 0, analysed: 0, alerts: 0, delivered: 0 });
    expect(news.log.filter((r) => r.path.startsWith('/2026/')).map((r) => r.path)).toEqual([AGREED, DENIED]);
    expect(await third.state.itemCounts()).toEqual({ pending: 0, done: 2, skipped: 0, failed: 0 });
    expect([await third.state.alertCount(), await third.state.outboxSize()]).toEqual([1, 0]);
    expect((await third.state.sources()).map((s) => [s.name, s.failures, s.last_ok !== null])).toEqual([['Courier', 0, true]]);

    const app = await buildApp({ store: opened.store, uiRoot: null, searchWorkers: 0 });
    try {
      const changes = (await app.inject('/api/changes')).json();
      expect(changes.items.map((c: any) => [c.kind, c.alert])).toEqual(expect.arrayContaining([['conflict', true]]));
      const after = (await app.inject(`/api/changes?since=${changes.cursor}`)).json();
      expect(after).toEqual({ cursor: changes.cursor, items: [] });
      keep('changes', backend, changes.items.map((c: any) => [c.kind, c.alert]));
      const atom = await app.inject('/alerts.atom');
      expect(atom.headers['content-type']).toContain('application/atom+xml');
      expect(atom.body.match(/<entry>/g)).toHaveLength(1);
    } finally {
      await app.close();
    }

    // status reads the same state (and, on PostgreSQL, the queue).
    const status = await cli('status', '--db', opened.db, '--json');
    expect(status.code, status.err).toBe(0);
    const shown = JSON.parse(status.out);
    expect([shown.items.done, shown.alerts, shown.outbox, shown.sources.length]).toEqual([2, 1, 0, 1]);
    expect(shown.queue !== undefined).toBe(backend === 'postgres');
  });
});

describe.each(backends)('corrections and ingest on the %s store', (backend, open) => {
  let opened: Opened;
  let app: FastifyInstance;
  beforeAll(async () => {
    if (skipped(backend)) return;
    opened = await open();
    await analyzeIntoPort(opened.store, [EXAMPLES], { jobs: 0 });
    app = await buildApp({ store: opened.store, token: TOKEN, uiRoot: null, searchWorkers: 0 });
  });
  afterAll(async () => {
    if (skipped(backend)) return;
    await app.close();
    await opened.done();
  });
  const auth = { authorization: `Bearer ${TOKEN}`, 'x-walkback-user': 'Lind' };

  it.skipIf(skipped(backend))('makes, applies and undoes corrections through the library, the CLI and the API', async () => {
    const store = opened.store;
    const machine = await store.loadExport();
    const byClaims = [...machine.events].sort((a, b) => machine.claims.filter((c) => c.event === b.id).length - machine.claims.filter((c) => c.event === a.id).length);
    const [a, b] = byClaims;
    const merged = await addCorrection(store, { kind: 'merge-events', target: a!.id, others: [b!.id] }, 'Lind', '2026-01-02T03:04:05.000Z');
    expect(merged).toMatchObject({ id: 'x1', state: 'applied', by: 'Lind' });
    const exp = await store.loadExport();
    expect(exp.events.find((e) => e.id === b!.id)).toBeUndefined();
    expect(exp.events).toHaveLength(machine.events.length - 1);

    // The CLI, on the same store (another connection to the same store).
    const noted = await cli('correct', 'note', a!.id, 'Ask the Norland desk', '--db', opened.db, '--by', 'Ardent', '--json');
    expect(noted.code, noted.err).toBe(0);
    expect(JSON.parse(noted.out)).toMatchObject({ id: 'x2', by: 'Ardent', state: 'applied' });

    // The API: list, make, refuse, undo.
    const listed = (await app.inject({ url: '/api/corrections', headers: auth })).json();
    expect(listed.items.map((c: any) => [c.id, c.state])).toEqual([
      ['x1', 'applied'],
      ['x2', 'applied'],
    ]);
    const claim = exp.claims[0]!;
    const made = await app.inject({ method: 'POST', url: '/api/corrections', headers: auth, payload: { kind: 'set-status', target: claim.id, status: 'cancelled' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ id: 'x3', by: 'Lind' });
    expect((await store.loadExport()).claims.find((c) => c.id === claim.id)).toMatchObject({ status: 'cancelled', corrected: true });
    expect((await app.inject({ method: 'POST', url: '/api/corrections', headers: auth, payload: { kind: 'reject', target: 'ev-nowhere' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/corrections/x3', headers: auth })).json()).toMatchObject({ state: 'undone', undone: { by: 'Lind' } });
    await expect(undoCorrection(store, 'x3', 'Lind')).rejects.toThrow(/x3: already undone by Lind/);
    expect((await store.loadExport()).claims.find((c) => c.id === claim.id)?.status).toBe(claim.status);

    const list = await store.corrections.list();
    expect(list.map((c) => [c.id, c.state])).toEqual([
      ['x1', 'applied'],
      ['x2', 'applied'],
      ['x3', 'undone'],
    ]);
    keep('corrected export', backend, await store.loadExport());
  });

  it.skipIf(skipped(backend))('analyses an article posted to the API once, into the ledger', async () => {
    const payload = {
      source: 'https://news.example/2026/04/01/brix-capital-talks',
      title: 'Brix Capital and Ardent Foods to hold talks',
      published: '2026-04-01',
      text: 'Brix Capital and Ardent Foods to hold talks\n\nBrix Capital chief executive Mara Lind said on Wednesday that talks with Ardent Foods will be held in May. "We have agreed to meet in Norland," Lind told reporters.',
    };
    const before = (await app.inject('/api/stats')).json();
    const first = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ added: true });
    const again = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ added: false, counts: first.json().counts });
    expect(await opened.store.ledgerStale()).toBe(false);
    // The API's counts follow the store (however it keeps them between requests).
    const after = (await app.inject('/api/stats')).json();
    expect(after.documents).toBe(before.documents + 1);
    expect(after).toMatchObject(first.json().counts);
    expect((await app.inject('/api/documents?limit=1')).json().total).toBe(before.documents + 1);
    const doc = (await app.inject(`/api/documents/${first.json().document}`)).json();
    expect(doc.url).toBe(payload.source);
    keep('ingested', backend, { ...(first.json() as object), story: (await app.inject('/api/story')).json() });
  });
});

describe.skipIf(skipped('postgres'))('both backends', () => {
  it('raise the same alerts, apply the same corrections and ingest the same way', () => {
    expect([...outcomes.keys()].sort()).toEqual(['alert', 'changes', 'corrected export', 'ingested']);
    for (const [what, by] of outcomes) expect(by.postgres, what).toEqual(by.sqlite);
  });
});
