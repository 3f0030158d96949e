/**
 * SIGTERM stops `walkback serve` promptly even with a client holding a request half-sent
 * (the server used to wait for every open connection before exiting).
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';
import { storyStore } from './fixture.js';

const helper = join(import.meta.dirname, '..', 'helpers', 'cli-child.ts');

describe('walkback serve and SIGTERM', () => {
  it('exits within 5 s of SIGTERM with a request still open', async () => {
    const db = join(tempDir(), 's.db');
    storyStore(db).close();
    const child = spawn(process.execPath, ['--import', 'tsx', helper, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let err = '';
    const url = await new Promise<URL>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) resolve(new URL(m[1]!));
      });
      void exited.then(() => reject(new Error(`serve exited: ${err}`)));
    });
    // A request whose headers never end, and a finished one on a kept-alive connection.
    const half = connect(Number(url.port), '127.0.0.1');
    await new Promise((r) => half.on('connect', r));
    half.write('GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    half.on('error', () => {});
    expect((await fetch(`${url.origin}/api/stats`)).status).toBe(200);
    const t = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 5000))]);
    if (code === 'still running') child.kill('SIGKILL');
    half.destroy();
    expect(code).toBe(0);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
