/**
 * Search stays bounded whatever the query: repeated terms merged, the number of terms
 * capped, snippets cut from a bounded window of each hit, and a deadline past which the
 * answer is WB_TIMEOUT. Asserted on the query plan and the output, never on timings.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { searchPlan, MAX_TERMS, MARK_OPEN, MARK_CLOSE } from '../../src/store/queries.js';
import { snippetOf, SNIPPET_SCAN } from '../../src/store/snippet.js';
import { tempDir } from '../helpers/tmp.js';
import { storyStore } from './fixture.js';

describe('searchPlan', () => {
  it('keeps a repeated word or phrase once, in any case or accent', () => {
    expect(searchPlan('summit Summit SUMMÍT summit "peace talks" "Peace  talks"')).toEqual({ query: '"summit" "peace talks"', terms: ['summit', 'peace talks'] });
    expect(searchPlan(Array(125).fill('summit').join(' '))).toEqual({ query: '"summit"', terms: ['summit'] });
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    expect(searchPlan(words.join(' '))!.terms).toEqual(words.slice(0, MAX_TERMS));
  });
});

describe('snippetOf', () => {
  const filler = 'The harbour was quiet that week and nobody said much about it. ';
  const big = `${filler.repeat(3)}Officials said the summit was postponed again. ${filler.repeat(20_000)}`;

  it('cuts a few words around the first hit of a long text and marks the terms', () => {
    const s = snippetOf(big, ['postponed'], MARK_OPEN, MARK_CLOSE);
    expect(s).toContain(`${MARK_OPEN}postponed${MARK_CLOSE}`);
    expect(s.length).toBeLessThan(400);
    expect(s.endsWith('…')).toBe(true);
  });

  it('looks for a hit only in the first window of the text', () => {
    const late = `${filler.repeat(Math.ceil(SNIPPET_SCAN / filler.length) + 10)}The summit was postponed.`;
    const s = snippetOf(late, ['postponed'], MARK_OPEN, MARK_CLOSE);
    expect(s).not.toContain(MARK_OPEN);
    expect(s.startsWith('The harbour')).toBe(true);
  });
});

describe('GET /api/search, bounded', () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  const app = async (deadlineMs?: number): Promise<FastifyInstance> => {
    const a = await buildApp({ store: storyStore(join(tempDir(), 's.db')), uiRoot: null, closeStoreOnExit: true, deadlineMs });
    apps.push(a);
    return a;
  };

  it('answers a word repeated 125 times as the word once', async () => {
    const a = await app();
    const one = (await a.inject('/api/search?q=no&in=statements')).json();
    expect(one.statements.total).toBeGreaterThan(0);
    const res = await a.inject(`/api/search?q=${Array(125).fill('no').join('%20')}&in=statements`);
    expect(res.statusCode).toBe(200);
    expect(res.json().query).toBe('"no"');
    expect(res.json().statements.total).toBe(one.statements.total);
    expect(res.json().statements.items[0].snippet).toMatch(new RegExp(`${MARK_OPEN}no${MARK_CLOSE}`, 'i'));
  });

  it('answers WB_TIMEOUT past the deadline, and other requests still answer', async () => {
    // 1 ms: less than a search worker takes to start, so the deadline always passes first.
    const a = await app(1);
    const res = await a.inject('/api/search?q=postponed');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'WB_TIMEOUT' });
    expect((await a.inject('/api/vocabulary')).statusCode).toBe(200);
  });
});
