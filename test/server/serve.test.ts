import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import { startServer } from '../../src/cli/commands/serve.js';
import { storyStore } from './fixture.js';

describe('walkback serve', () => {
  it('refuses a bad port and a missing store', async () => {
    expect(await cli('serve', '--port', 'http')).toMatchObject({ code: 2, err: expect.stringMatching(/--port http/) });
    expect(await cli('serve', '--db', join(tempDir(), 'none.db'))).toMatchObject({ code: 2, err: expect.stringMatching(/no such store/) });
  });

  it('listens on 127.0.0.1 by default and answers the API', async () => {
    const db = join(tempDir(), 's.db');
    storyStore(db).close();
    const s = await startServer({ db, port: 0, uiRoot: null });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${s.url}/api/events?limit=1`);
      expect(res.status).toBe(200);
      expect((await res.json()).total).toBe(2);
    } finally {
      await s.close();
    }
  });
});
