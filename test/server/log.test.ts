/**
 * The request log escapes what a client chose: a URL, a Host header or an error message that
 * quotes a posted field cannot write a control character or a bidirectional override into it.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { tempDir } from '../helpers/tmp.js';
import { storyStore } from './fixture.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('the request log', () => {
  it('writes client strings escaped, one line per entry', async () => {
    const lines: string[] = [];
    const app = await buildApp({ store: storyStore(join(tempDir(), 's.db')), uiRoot: null, closeStoreOnExit: true, logger: { write: (s) => void lines.push(s) } });
    // A handler that fails quoting a posted field, as an internal error may.
    app.post('/api/echo-failure', async (req) => {
      throw new Error(`cannot store ${(req.body as { source: string }).source}`);
    });
    try {
      const forged = 'a.txt\n{"level":30,"msg":"token accepted"}\x1b[2K\u202e';
      const res = await app.inject({ method: 'POST', url: '/api/echo-failure', payload: { source: forged } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'WB_INTERNAL', message: 'internal error' });
      await app.inject({ url: '/api/events?q=\x1b[31m\u2028red' });
    } finally {
      await app.close();
    }
    const entries = lines.join('').split('\n').filter(Boolean);
    expect(entries.length).toBeGreaterThan(2);
    for (const line of entries) {
      expect(line).not.toMatch(RAW);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    const logged = entries.map((l) => JSON.parse(l) as { err?: { message: string }; req?: { url: string } });
    expect(logged.find((e) => e.err)?.err?.message).toBe('cannot store a.txt\\n{"level":30,"msg":"token accepted"}\\x1b[2K\\u202e');
    // A URL reaches the server percent-encoded (the HTTP parser refuses raw control characters).
    expect(logged.some((e) => e.req?.url.startsWith('/api/events?q='))).toBe(true);
  });
});
