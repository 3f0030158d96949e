/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { useLexiconFiles } from '../../src/core/lexicon.js';
import { buildApp } from '../../src/server/app.js';
import { useStoryApp } from './story-app.js';
import { tempDir } from '../helpers/tmp.js';

const story = useStoryApp(120);
const { get } = story;

describe('GET /api/events', () => {
  it('lists events by most recent activity, with conflict counts, paginated with a total', async () => {
    const { status, body } = await get('/api/events?limit=2');
    expect(status).toBe(200);
    expect(body.total).toBe(122);
    expect(body.limit).toBe(2);
    expect(body.offset).toBe(0);
    expect(body.items.map((e: any) => [e.id, e.status, e.lastDate, e.claims, e.conflicts])).toEqual([
      ['v-summit', 'postponed', '2025-03-10', 3, 2],
      ['v-call', 'held', '2025-03-09', 1, 0],
    ]);
    expect(body.items[0].participantNames).toEqual(['Anja Kross', 'Dmitri Vale']);
    const last = await get('/api/events?limit=50&offset=100');
    expect(last.body.items).toHaveLength(22);
    expect(last.body.items.at(-1).id).toBe('v-extra-0119');
  });

  it('filters by status', async () => {
    const { body } = await get('/api/events?status=held');
    expect(body.total).toBe(1);
    expect(body.items[0].id).toBe('v-call');
  });

  it.each([
    ['/api/events?limit=0', /limit/],
    ['/api/events?limit=abc', /limit/],
    ['/api/events?offset=-1', /offset/],
    ['/api/events?status=maybe', /status/],
    ['/api/events?type=barter', /type/],
  ])('answers %s with WB_BAD_REQUEST', async (url, message) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, code: 'WB_BAD_REQUEST' });
    expect(body.message).toMatch(message);
  });
});

describe('GET /api/vocabulary', () => {
  it('gives the declared statuses with their labels and tracks, and the event types', async () => {
    const { status, body } = await get('/api/vocabulary');
    expect(status).toBe(200);
    expect(body.statuses).toHaveLength(10);
    expect(body.statuses).toContainEqual({ id: 'not_agreed', label: 'not agreed', track: 'against' });
    expect(body.statuses).toContainEqual({ id: 'possible', label: 'possible', track: 'hedge' });
    expect(body.eventTypes).toContainEqual({ id: 'ceasefire', label: 'ceasefire', scored: true });
  });

  it('filters by an event type a user lexicon file declares', async () => {
    const file = join(tempDir(), 'types.yml');
    writeFileSync(file, 'ledger:\n  - { id: tender, kind: event-type, label: tender offer }\n');
    useLexiconFiles([file]);
    const withUser = await buildApp({ store: story.store(), uiRoot: null });
    try {
      const res = await withUser.inject({ method: 'GET', url: '/api/events?type=tender' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 0 });
      expect((await withUser.inject({ method: 'GET', url: '/api/vocabulary' })).json().eventTypes).toContainEqual({ id: 'tender', label: 'tender offer', scored: false });
    } finally {
      useLexiconFiles([]);
      await withUser.close();
    }
  });
});

describe('GET /api/events/:id', () => {
  it('gives the timeline in date order, grouped by side, and conflicts with both pieces of evidence', async () => {
    const { status, body } = await get('/api/events/v-summit');
    expect(status).toBe(200);
    expect(body.event.label).toBe('Velmora–Ostrana summit in Tallinor');
    expect(body.timeline.map((c: any) => [c.sortDate, c.status, c.sourceName, c.side])).toEqual([
      ['2025-03-03', 'agreed', 'Anja Kross', 'Velmora government'],
      ['2025-03-05', 'not_agreed', 'Dmitri Vale', 'Ostrana government'],
      ['2025-03-10', 'postponed', 'Anja Kross', 'Velmora government'],
    ]);
    // Both conflicts dispute Kross's agreement: one episode, the claim then each conflict over it.
    expect(body.episodes).toEqual([{ claim: 'doc-a:c1', conflicts: ['k1', 'k2'] }]);
    const denial = body.conflicts.find((k: any) => k.kind === 'denial');
    for (const [side, quote] of [
      ['a', 'We have agreed to meet in Tallinor in April'],
      ['b', 'Nothing has been agreed'],
    ] as const) {
      const ev = denial[side];
      expect(ev.claim.text).toBe(quote);
      expect(ev.context.text.slice(ev.context.start, ev.context.end)).toBe(quote);
      expect(ev.claim.doc.title).toBeTruthy();
    }
  });

  it('answers an unknown id with WB_NOT_FOUND', async () => {
    const { status, body } = await get('/api/events/nope');
    expect(status).toBe(404);
    expect(body).toEqual({ statusCode: 404, code: 'WB_NOT_FOUND', message: 'no event "nope"' });
  });
});

describe('conflicts, entities, statements, documents', () => {
  it('lists conflicts with both claims', async () => {
    const { body } = await get('/api/conflicts?kind=reversal');
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: 'k2', eventLabel: 'Velmora–Ostrana summit in Tallinor', a: { claim: { status: 'agreed' } }, b: { claim: { status: 'postponed' } } });
    expect((await get('/api/conflicts/k1')).body.kind).toBe('denial');
    expect((await get('/api/conflicts/k9')).status).toBe(404);
  });

  it('gives what an entity said over time', async () => {
    const ent = await get('/api/entities/e-kross');
    expect(ent.body).toMatchObject({ name: 'Anja Kross', statements: 2, claims: 2 });
    const said = await get('/api/statements?speaker=e-kross');
    expect(said.body.total).toBe(2);
    expect(said.body.items.map((s: any) => [s.date, s.text, s.speakerName])).toEqual([
      ['2025-03-03', 'We have agreed to meet in Tallinor in April,', 'Anja Kross'],
      ['2025-03-10', 'The summit is postponed until further notice,', 'Anja Kross'],
    ]);
    const list = await get('/api/entities?q=vale');
    expect(list.body.items.map((e: any) => e.id)).toEqual(['e-vale']);
  });

  it('gives a document with its statements and claims as spans into its text', async () => {
    const list = await get('/api/documents?limit=2&offset=1');
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((d: any) => d.id)).toEqual(['doc-b', 'doc-c']);
    const { body } = await get('/api/documents/doc-c');
    expect(body.title).toBe('Tallinor summit postponed');
    expect(body.statements).toHaveLength(1);
    for (const s of body.statements) expect(body.text.slice(s.content.start, s.content.end)).toBe(s.text);
    for (const c of body.claims) expect(body.text.slice(c.span.start, c.span.end)).toBe(c.text);
    expect((await get('/api/documents/doc-z')).body.code).toBe('WB_NOT_FOUND');
  });
});

describe('GET /api/search', () => {
  it('finds statements and documents by their words, with marked snippets', async () => {
    const { status, body } = await get('/api/search?q=postponed');
    expect(status).toBe(200);
    expect(body.statements.total).toBe(1);
    expect(body.statements.items[0].item.id).toBe('doc-c:s1');
    expect(body.statements.items[0].snippet).toContain('\uE000postponed\uE001');
    expect(body.documents.items.map((h: any) => h.item.id)).toEqual(['doc-c']);
  });

  it('reads phrases and ignores query syntax', async () => {
    expect((await get('/api/search?q=%22no%20date%20is%20set%22&in=statements')).body.statements.total).toBe(1);
    expect((await get('/api/search?q=%22date%20no%22')).body.statements.total).toBe(0);
    expect((await get('/api/search?q=agreed%20OR%20(NEAR')).status).toBe(200);
  });

  it('refuses an empty query', async () => {
    expect((await get('/api/search')).body.code).toBe('WB_BAD_REQUEST');
    expect((await get('/api/search?q=%22%22%20!!')).body).toMatchObject({ code: 'WB_BAD_REQUEST', message: expect.stringMatching(/no words/) });
  });
});

describe('read-only by default', () => {
  it('has no ingest route without a token', async () => {
    const res = await story.app().inject({ method: 'POST', url: '/api/articles', payload: { text: 'x', source: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'WB_NOT_FOUND' });
    expect((await get('/api/stats')).body).toEqual({ documents: 3, entities: 2, statements: 3, events: 122, claims: 4, conflicts: 2, notAnalysed: [], ingest: false });
  });

  it('answers unknown routes with WB_NOT_FOUND and serves a page at /', async () => {
    expect((await get('/api/nothing')).body.code).toBe('WB_NOT_FOUND');
    const res = await story.app().inject({ method: 'GET', url: '/' });
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
