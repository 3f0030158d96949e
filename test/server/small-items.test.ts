/**
 * The small holes of the server and the CLI: a limit of Infinity, a Host header naming
 * another site, a non-loopback bind, the token from a file or the environment, and a
 * mistyped --max-bytes.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { tokenFrom } from '../../src/cli/commands/serve-access.js';
import { isLoopbackAddress } from '../../src/server/plugins/host-check.js';
import { isLoopbackHost } from '../../src/server/plugins/host-check.js';
import { cli, tempDir } from '../helpers/cli.js';
import { storyStore } from './fixture.js';

const cliChild = join(import.meta.dirname, '..', 'helpers', 'cli-child.ts');
const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});
async function app(): Promise<FastifyInstance> {
  const a = await buildApp({ store: storyStore(join(tempDir(), 's.db')), uiRoot: null, closeStoreOnExit: true });
  apps.push(a);
  return a;
}

describe('query numbers', () => {
  it('refuses a limit or offset that is not finite with WB_BAD_REQUEST, not a 500', async () => {
    const a = await app();
    for (const q of ['limit=Infinity', 'limit=1e400', 'offset=-Infinity', 'offset=Infinity']) {
      const res = await a.inject(`/api/events?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('WB_BAD_REQUEST');
    }
    expect((await a.inject('/api/events?limit=2')).statusCode).toBe(200);
  });
});

describe('Host header', () => {
  it('answers loopback names and refuses any other (DNS rebinding)', async () => {
    const a = await app();
    for (const host of ['localhost:4780', '127.0.0.1:4780', '[::1]:4780', 'localhost']) expect((await a.inject({ url: '/api/stats', headers: { host } })).statusCode, host).toBe(200);
    const res = await a.inject({ url: '/api/stats', headers: { host: 'attacker.example:4780' } });
    expect(res.statusCode).toBe(421);
    expect(res.json().code).toBe('WB_BAD_REQUEST');
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3:80', 'LOCALHOST'.toLowerCase(), '[::1]:1'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['127.0.0.1.example', 'example.com', '10.0.0.1:80', '[::2]'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});

describe('serve access flags', () => {
  it('refuses a non-loopback --host without --allow-remote', async () => {
    const db = join(tempDir(), 's.db');
    storyStore(db).close();
    const r = await cli('serve', '--db', db, '--host', '0.0.0.0', '--port', '0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--host 0\.0\.0\.0: not a loopback address.*--allow-remote/);
    expect(['127.0.0.1', '::1', 'localhost', '127.0.0.2'].every(isLoopbackAddress)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2'].some(isLoopbackAddress)).toBe(false);
  });

  it('with --allow-remote, says the address it is bound to and warns that it is open, token included', async () => {
    const db = join(tempDir(), 's.db');
    storyStore(db).close();
    const child = spawn(process.execPath, ['--import', 'tsx', cliChild, 'serve', '--db', db, '--host', '0.0.0.0', '--port', '0', '--allow-remote'], {
      env: { ...process.env, WALKBACK_TOKEN: 'remote-s3cret' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (b: Buffer) => {
          err += b.toString();
          if (/serving/.test(err)) resolve();
        });
        child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
    } finally {
      child.kill('SIGTERM');
    }
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^walkback: warning: bound to 0\.0\.0\.0, reachable from the network over plain HTTP, the ingest token included$/);
    expect(lines[1]).toMatch(/^walkback: serving .* at http:\/\/0\.0\.0\.0:\d+ \(ingest and corrections enabled/);
    expect(err).not.toContain('127.0.0.1');
    expect(err).not.toContain('remote-s3cret');
  });

  it('takes the token from a file, the flag or WALKBACK_TOKEN', () => {
    const f = join(tempDir(), 'token');
    writeFileSync(f, 's3cret-from-file\n');
    expect(tokenFrom({ tokenFile: f }, {})).toBe('s3cret-from-file');
    expect(tokenFrom({ token: 'from-flag' }, { WALKBACK_TOKEN: 'from-env' })).toBe('from-flag');
    expect(tokenFrom({}, { WALKBACK_TOKEN: 'from-env' })).toBe('from-env');
    expect(tokenFrom({}, { WALKBACK_TOKEN: '' })).toBeUndefined();
    writeFileSync(f, '\n');
    expect(() => tokenFrom({ tokenFile: f }, {})).toThrow(/--token-file .*empty/);
    expect(() => tokenFrom({ tokenFile: join(tempDir(), 'none') }, {})).toThrow(/--token-file .*ENOENT/);
  });
});

describe('analyze numeric flags', () => {
  it('stops on a --max-bytes or --timeout that is not a number, before touching the store', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Officials said the talks would resume on Monday.');
    for (const [flag, v] of [['--max-bytes', 'abc'], ['--max-bytes', '0'], ['--timeout', '1e3x']]) {
      const r = await cli('analyze', dir, '--db', join(dir, 's.db'), flag!, v!);
      expect(r.code, `${flag} ${v}`).toBe(2);
      expect(r.err).toContain(`${flag} ${v}: expected a whole number`);
    }
  });
});
