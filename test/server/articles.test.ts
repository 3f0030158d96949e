import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { tempDir } from '../helpers/tmp.js';

const ARTICLES: Record<string, string> = {
  'pier.txt': 'Harbor talks set for May\n\nPort Minister Lena Ostrow said on Tuesday that the harbor talks with Kestria will be held in May. "The talks are planned for May in Dunmere," Ostrow told reporters.',
  'deny.txt': 'Kestria says no talks planned\n\nA Kestrian spokesman, Piet Arnaud, said on Thursday that no harbor talks were planned. "There is no meeting on the calendar," Arnaud said.',
};

describe('a store filled by analyze', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, 'in', name), text);
    store = new SqliteStore(join(dir, 's.db'));
    await analyzeIntoStore(store, [join(dir, 'in')], { published: '2025-05-02' });
    app = await buildApp({ store, uiRoot: null });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  it('serves the documents, paginated, and every list the UI reads', async () => {
    const docs = (await app.inject('/api/documents?limit=1')).json();
    expect(docs.total).toBe(2);
    expect(docs.items).toHaveLength(1);
    for (const url of ['/api/events', '/api/entities', '/api/statements', '/api/conflicts', '/api/stats']) {
      expect((await app.inject(url)).statusCode, url).toBe(200);
    }
    const doc = (await app.inject(`/api/documents/${docs.items[0].id}`)).json();
    expect(doc.text).toContain('talks');
  });

  it('finds a document by a word of its text, and a statement by a word of its own', async () => {
    const found = (await app.inject('/api/search?q=Dunmere')).json();
    expect(found.documents.total).toBe(1);
    const statements = (await app.inject('/api/statements?limit=1')).json();
    if (statements.total > 0) {
      const word = (statements.items[0].text as string).match(/[A-Za-z]{4,}/)?.[0];
      if (word) expect((await app.inject(`/api/search?q=${word}&in=statements`)).json().statements.total).toBeGreaterThan(0);
    }
  });
});

describe('POST /api/articles', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore(join(tempDir(), 'ingest.db'));
    app = await buildApp({ store, token: 's3cret', uiRoot: null });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });
  const post = (payload: unknown, token?: string) =>
    app.inject({ method: 'POST', url: '/api/articles', payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses a request without the token, or with a wrong one', async () => {
    for (const t of [undefined, 'wrong']) {
      const res = await post({ text: ARTICLES['pier.txt'], source: 'pier' }, t);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'WB_UNAUTHORIZED' });
      expect(res.headers['www-authenticate']).toMatch(/Bearer/);
    }
    expect(store.counts().documents).toBe(0);
  });

  it('analyses a posted article into the store, once', async () => {
    const res = await post({ text: ARTICLES['pier.txt'], source: 'https://example.org/pier', title: 'Harbor talks set for May', published: '2025-05-02' }, 's3cret');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ added: true, counts: { documents: 1 } });
    const doc = (await app.inject(`/api/documents/${body.document}`)).json();
    expect(doc.source).toBe('https://example.org/pier');
    expect(doc.text).toContain('Dunmere');
    expect((await app.inject('/api/search?q=Dunmere')).json().documents.total).toBe(1);
    const again = await post({ text: ARTICLES['pier.txt'], source: 'https://example.org/pier' }, 's3cret');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ added: false, document: body.document, counts: { documents: 1 } });
  });

  it.each([
    [{ source: 'x' }, /exactly one of text or html/],
    [{ text: 'a', html: '<p>a</p>', source: 'x' }, /exactly one of text or html/],
    [{ text: 'a' }, /source/],
    [{ text: 'a', source: 'x', published: 'May 2' }, /published/],
    [{ text: '   \n ', source: 'x' }, /empty/],
  ])('answers a bad body with WB_BAD_REQUEST (%j)', async (payload, message) => {
    const res = await post(payload, 's3cret');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WB_BAD_REQUEST');
    expect(res.json().message).toMatch(message);
  });

  it('keeps the token hook on the ingest route only', async () => {
    expect((await app.inject('/api/stats')).json()).toMatchObject({ ingest: true });
  });
});
