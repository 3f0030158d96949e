import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { buildApp } from '../../src/server/app.js';
import Fastify from 'fastify';
import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { AnswerCache, GZIP_FROM_BYTES, responseCachePlugin } from '../../src/server/plugins/response-cache.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { keptOnSecondAsk, servedReadOnly, storyStore } from './fixture.js';
import { tempDir } from '../helpers/tmp.js';

const speakers = (s: SqliteStore): Array<{ document: string; local: string; entity: string }> =>
  s.db.prepare('SELECT document, local, entity FROM speakers').all() as Array<{ document: string; local: string; entity: string }>;

describe('the response cache', () => {
  it('answers a repeated read from what it kept, the same bytes, until another process writes the store', async () => {
    const { file, app, close } = await servedReadOnly();
    try {
      const first = await keptOnSecondAsk(app, '/api/entities?limit=50');
      // The story page and its facets read the ledger alone: kept as well.
      await keptOnSecondAsk(app, '/api/story?limit=3');
      await keptOnSecondAsk(app, '/api/story/facets');
      // Another URL is another answer.
      expect((await app.inject('/api/entities?limit=1')).headers['x-walkback-cache']).toBeUndefined();

      // A writer in another connection adds an entity: the kept answers are stale, and dropped.
      const writer = new SqliteStore(file);
      const exp = writer.loadExport();
      exp.entities.push({ id: 'e-brix', name: 'Brix Capital', aliases: [], type: 'org', roles: [], affiliation: [], side: null });
      writer.saveLedger({ ...exp, speakers: speakers(writer) });
      writer.close();
      const after = await app.inject('/api/entities?limit=50');
      expect(after.headers['x-walkback-cache']).toBeUndefined();
      expect(after.json().total).toBe(first.json().total + 1);
      expect((await app.inject('/api/story/facets')).headers['x-walkback-cache']).toBeUndefined();
      expect((await app.inject('/api/entities?limit=50')).headers['x-walkback-cache']).toBe('hit');
    } finally {
      await close();
    }
  });

  it('keeps no error and no answer of a route outside the reads; a write through the server drops what it kept', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'pier.txt'), 'Harbor talks set for May\n\nPort Minister Lena Ostrow said on Tuesday that the harbor talks with Kestria will be held in May.');
    const store = new SqliteStore(join(dir, 's.db'));
    await analyzeIntoStore(store, [join(dir, 'in')], { published: '2025-05-02' });
    const app = await buildApp({ store, token: 's3cret', uiRoot: null, searchWorkers: 0 });
    try {
      for (let i = 0; i < 2; i++) expect((await app.inject('/api/events/ev-none')).headers['x-walkback-cache']).toBeUndefined();
      // Behind the token: asked twice with it, then without it, it is refused, never served from a cache.
      const auth = { authorization: 'Bearer s3cret' };
      for (let i = 0; i < 2; i++) expect((await app.inject({ url: '/api/corrections', headers: auth })).headers['x-walkback-cache']).toBeUndefined();
      expect((await app.inject('/api/corrections')).statusCode).toBe(401);

      await app.inject('/api/stats');
      expect((await app.inject('/api/stats')).headers['x-walkback-cache']).toBe('hit');
      const posted = await app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { source: 'deny.txt', published: '2025-05-04', text: 'Kestria denies harbor talks\n\nA Kestrian spokesman, Piet Arnaud, said on Thursday that no harbor talks were planned.' } });
      expect(posted.statusCode).toBe(201);
      const stats = await app.inject('/api/stats');
      expect(stats.headers['x-walkback-cache']).toBeUndefined();
      expect(stats.json().documents).toBe(2);
    } finally {
      await app.close();
      store.close();
    }
  });

  it('is off with responseCacheBytes 0', async () => {
    const file = join(tempDir(), 'off.db');
    const store = storyStore(file);
    const app = await buildApp({ store, uiRoot: null, searchWorkers: 0, responseCacheBytes: 0 });
    try {
      for (let i = 0; i < 2; i++) expect((await app.inject('/api/events')).headers['x-walkback-cache']).toBeUndefined();
    } finally {
      await app.close();
      store.close();
    }
  });
});

describe('requests for an answer being computed', () => {
  /** A bare server with one slow read route, cached, that counts its runs; `fail` makes it answer 500. */
  async function slowApp(fail = false) {
    const app = Fastify();
    let runs = 0;
    await app.register(responseCachePlugin, { version: () => 'v1', maxBytes: 1 << 20 });
    app.get('/slow', async (_req, reply) => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      if (fail) return reply.code(500).send({ error: 'no' });
      return { answer: 42 };
    });
    return { app, runs: () => runs };
  }

  it('wait for it: one computation, every request the same bytes', async () => {
    const { app, runs } = await slowApp();
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject('/slow')));
    expect(runs()).toBe(1);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['{"answer":42}']));
    expect(answers.filter((a) => a.headers['x-walkback-cache'] === 'hit')).toHaveLength(4);
    await app.close();
  });

  it('compute their own when it fails: an error is never handed on', async () => {
    const { app, runs } = await slowApp(true);
    const answers = await Promise.all(Array.from({ length: 3 }, () => app.inject('/slow')));
    expect(answers.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect(runs()).toBe(3);
    await app.close();
  });
});

describe('AnswerCache', () => {
  it('drops the least recently used answers past its size, and every answer when the version changes', () => {
    const cache = new AnswerCache(10);
    expect(cache.get('v1', '/a')).toBeUndefined();
    cache.set('v1', '/a', Buffer.from('aaaa'), 'text/plain');
    cache.set('v1', '/b', Buffer.from('bbbb'), 'text/plain');
    // /a used last: /b goes when /c does not fit.
    expect(cache.get('v1', '/a')?.body.toString()).toBe('aaaa');
    cache.set('v1', '/c', Buffer.from('cccc'), 'text/plain');
    expect(cache.get('v1', '/b')).toBeUndefined();
    expect(cache.get('v1', '/a')?.body.toString()).toBe('aaaa');
    expect(cache.size).toEqual({ answers: 2, bytes: 8 });
    // Larger than the whole cache: not kept.
    cache.set('v1', '/big', Buffer.from('x'.repeat(11)), 'text/plain');
    expect(cache.get('v1', '/big')).toBeUndefined();
    // The store moved on: nothing kept answers, and an answer computed before is not kept.
    expect(cache.get('v2', '/a')).toBeUndefined();
    cache.set('v1', '/a', Buffer.from('old'), 'text/plain');
    expect(cache.get('v2', '/a')).toBeUndefined();
    expect(cache.size).toEqual({ answers: 0, bytes: 0 });
    // An answer and its gzipped bytes count together; gzipped bytes of an answer no longer kept are not kept.
    const z = cache.set('v2', '/z', Buffer.from('zzzz'), 'text/plain')!;
    cache.addGzipped('/z', z, Buffer.from('zz'));
    expect(cache.size).toEqual({ answers: 1, bytes: 6 });
    const y = cache.set('v2', '/y', Buffer.from('yyyy'), 'text/plain')!;
    cache.set('v2', '/x', Buffer.from('xxxx'), 'text/plain');
    cache.addGzipped('/y', y, Buffer.from('yy'));
    expect(cache.get('v2', '/z')).toBeUndefined();
    expect(cache.get('v2', '/y')?.gzipped?.toString()).toBe('yy');
    expect(cache.size).toEqual({ answers: 2, bytes: 10 });
  });
});

describe('answers sent gzipped', () => {
  it('sends a kept answer of a kilobyte or more gzipped to a client that accepts it, the same bytes once gunzipped; the request that computes it is not held up', async () => {
    const { app, close } = await servedReadOnly();
    try {
      // Compressed after the first answer is sent: asked again until it is there.
      const gzippedBy = async (url: string): Promise<LightMyRequestResponse> => {
        for (let i = 0; i < 200; i++) {
          const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
          if (res.headers['content-encoding']) return res;
          await new Promise((r) => setTimeout(r, 5));
        }
        throw new Error(`${url}: never sent gzipped`);
      };
      const short = '/api/entities?limit=1&q=zzzz';
      await app.inject({ url: short, headers: { 'accept-encoding': 'gzip' } });
      const first = await app.inject({ url: '/api/statements?limit=50', headers: { 'accept-encoding': 'gzip' } });
      expect(first.headers['x-walkback-cache']).toBeUndefined();
      expect(first.headers['content-encoding']).toBeUndefined();
      await gzippedBy('/api/statements?limit=50');
      const plain = await app.inject('/api/statements?limit=50');
      expect(plain.body).toBe(first.body);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThanOrEqual(GZIP_FROM_BYTES);
      expect(plain.headers.vary).toBe('accept-encoding');
      for (const header of ['gzip, deflate, br', 'br;q=1, gzip;q=0.5', '*']) {
        const zipped = await app.inject({ url: '/api/statements?limit=50', headers: { 'accept-encoding': header } });
        expect(zipped.headers['x-walkback-cache']).toBe('hit');
        expect(zipped.headers['content-encoding'], header).toBe('gzip');
        expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
        expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
      }
      // Refused, or not offered: as they are.
      for (const header of ['gzip;q=0', 'br', 'identity']) {
        const as = await app.inject({ url: '/api/statements?limit=50', headers: { 'accept-encoding': header } });
        expect(as.headers['content-encoding'], header).toBeUndefined();
        expect(as.body).toBe(plain.body);
      }
      // A short answer is kept as it is: asked before the long one was compressed, it is still sent so.
      const again = await app.inject({ url: short, headers: { 'accept-encoding': 'gzip' } });
      expect(again.headers['x-walkback-cache']).toBe('hit');
      expect(again.rawPayload.length).toBeLessThan(GZIP_FROM_BYTES);
      expect(again.headers['content-encoding']).toBeUndefined();
    } finally {
      await close();
    }
  });
});
