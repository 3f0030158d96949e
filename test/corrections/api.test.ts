/**
 * /api/corrections: behind the ingest token (401 without it, absent without a token at all),
 * making, listing and undoing corrections on a store of the invented articles.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { analysedStore, examples } from './stores.js';

describe('/api/corrections', () => {
  let app: FastifyInstance;
  let open: FastifyInstance;
  let store: SqliteStore;
  let machine: WalkbackExport;
  const auth = { authorization: 'Bearer s3cret', 'x-walkback-user': 'Lind' };

  beforeAll(async () => {
    const { copy } = await analysedStore([examples]);
    store = copy();
    machine = store.loadExport();
    app = await buildApp({ store, token: 's3cret', uiRoot: null, searchWorkers: 0 });
    open = await buildApp({ store, uiRoot: null, searchWorkers: 0 });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await open.close();
    store.close();
  });

  it('refuses every method without the token or with a wrong one', async () => {
    const claim = machine.claims[0]!.id;
    for (const headers of [{}, { authorization: 'Bearer nope' }]) {
      for (const req of [
        { method: 'GET' as const, url: '/api/corrections' },
        { method: 'POST' as const, url: '/api/corrections', payload: { kind: 'reject', target: claim } },
        { method: 'DELETE' as const, url: '/api/corrections/x1' },
      ]) {
        const res = await app.inject({ ...req, headers });
        expect(res.statusCode, `${req.method} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.json()).toMatchObject({ code: 'WB_UNAUTHORIZED' });
      }
    }
    expect(store.corrections.list()).toEqual([]);
    expect(store.loadExport().claims).toHaveLength(machine.claims.length);
  });

  it('has no corrections routes on a server without a token', async () => {
    expect((await open.inject({ method: 'POST', url: '/api/corrections', payload: { kind: 'reject', target: 'x' } })).statusCode).toBe(404);
    expect((await open.inject('/api/corrections')).statusCode).toBe(404);
  });

  it('makes, lists and undoes a correction, with who and when', async () => {
    const claim = machine.claims[0]!;
    const made = await app.inject({ method: 'POST', url: '/api/corrections', headers: auth, payload: { kind: 'set-status', target: claim.id, status: 'postponed' } });
    expect(made.statusCode).toBe(201);
    const c = made.json();
    expect(c).toMatchObject({ id: 'x1', by: 'Lind', state: 'applied', undone: null, input: { kind: 'set-status', target: claim.id, status: 'postponed' } });
    expect(Date.parse(c.at)).not.toBeNaN();
    const ev = (await app.inject(`/api/events/${claim.event}`)).json();
    expect(ev.timeline.find((x: { id: string }) => x.id === claim.id).status).toBe('postponed');

    const list = (await app.inject({ url: `/api/corrections?target=${encodeURIComponent(claim.id)}`, headers: auth })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual(['x1']);
    expect((await app.inject({ url: '/api/corrections?target=ev-none', headers: auth })).json().items).toEqual([]);

    const undone = await app.inject({ method: 'DELETE', url: '/api/corrections/x1', headers: { ...auth, 'x-walkback-user': 'Ardent' } });
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ id: 'x1', state: 'undone', by: 'Lind', undone: { by: 'Ardent' } });
    expect(store.loadExport().claims.find((x) => x.id === claim.id)!.status).toBe(claim.status);
    expect((await app.inject({ method: 'DELETE', url: '/api/corrections/x1', headers: auth })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: '/api/corrections/x99', headers: auth })).json()).toMatchObject({ statusCode: 404, code: 'WB_NOT_FOUND', message: 'x99: no such correction' });
  });

  it('shows the marks of corrections in the read API, on claims inside conflicts too', async () => {
    const k = machine.conflicts[0]!;
    const made = await app.inject({ method: 'POST', url: '/api/corrections', headers: auth, payload: { kind: 'confirm', target: k.claims[0] } });
    expect(made.statusCode).toBe(201);
    const ev = await app.inject(`/api/events/${encodeURIComponent(k.event)}`);
    expect(ev.statusCode).toBe(200);
    expect(ev.json().timeline.find((c: { id: string }) => c.id === k.claims[0])).toMatchObject({ confirmed: true, correctionIds: [made.json().id] });
    const conflict = (await app.inject(`/api/conflicts/${encodeURIComponent(k.id)}`)).json();
    expect(conflict.a.claim.id === k.claims[0] ? conflict.a.claim : conflict.b.claim).toMatchObject({ confirmed: true });
  });

  it('answers 404 for an unknown id and 400 for a correction that makes no sense', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/corrections', headers: auth, payload });
    expect((await post({ kind: 'reject', target: 'ev-nowhere' })).json()).toMatchObject({ statusCode: 404, code: 'WB_NOT_FOUND' });
    expect((await post({ kind: 'set-status', target: machine.claims[0]!.id, status: 'maybe' })).json()).toMatchObject({ statusCode: 400, code: 'WB_BAD_REQUEST' });
    expect((await post({ kind: 'explode', target: 'x' })).statusCode).toBe(400);
    expect((await post({ kind: 'reject', target: machine.events[0]!.id })).json().message).toMatch(/reject takes a claim or a conflict, not an event/);
  });
});
