/**
 * The analysis queue on PostgreSQL: inputs queued by `analyze --queue` and taken by three
 * worker processes make the same ledger, byte for byte, as one `analyze` process, and queued
 * again are not queued (every item stored); a worker
 * killed in the middle of a job loses nothing (another takes the job once the dead one stops
 * beating); a bad input fails its job with its error, shown by `status` and requeued by `retry`.
 */
import { describe, it, expect, inject } from 'vitest';
import { createServer, type Server } from 'node:http';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cli, tempDir } from '../helpers/cli.js';
import { cliChild } from '../helpers/child.js';
import { withDatabase as withPgDatabase } from '../helpers/pg-cluster.js';

const pgUrl = inject('pgUrl');
const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

const withDatabase = (body: (url: string) => Promise<void>): Promise<void> => withPgDatabase(pgUrl, 'queue', body);

const worker = (url: string, ...more: string[]) => cliChild(['worker', '--db', url, '--exit-when-idle', ...more]);

describe.skipIf(!pgUrl)('the analysis queue', () => {
  it('three workers make the same export as one process', async () => {
    await withDatabase(async (one) => {
      await withDatabase(async (queued) => {
        const single = await cli('analyze', EXAMPLES, '--db', one, '--jobs', '0');
        expect(single.code, single.err).toBe(0);
        const q = await cli('analyze', EXAMPLES, '--db', queued, '--queue', '--json');
        expect(q.code, q.err).toBe(0);
        expect(JSON.parse(q.out)).toEqual({ queued: 8, unchanged: 0, failed: 0 });
        expect((await cli('status', '--db', queued)).out).toContain('8 waiting · 0 running · 0 failed');
        const runs = await Promise.all([worker(queued), worker(queued), worker(queued)]);
        for (const r of runs) expect(r.code, r.err).toBe(0);
        const a = (await cli('export', '--db', one)).out;
        const b = (await cli('export', '--db', queued)).out;
        expect(JSON.parse(b).documents).toHaveLength(8);
        expect(b).toBe(a);
        expect((await cli('status', '--db', queued)).out).toContain('0 waiting · 0 running · 0 failed');
        // Queued again: every input is stored, nothing is queued.
        const again = await cli('analyze', EXAMPLES, '--db', queued, '--queue', '--json');
        expect(JSON.parse(again.out)).toEqual({ queued: 0, unchanged: 8, failed: 0 });
        expect((await cli('status', '--db', queued)).out).toContain('0 waiting · 0 running · 0 failed');
      });
    });
  });

  it('retries the job of a worker killed in the middle of it', async () => {
    await withDatabase(async (url) => {
      // The article's server holds the first request (the worker that will be killed) and answers the next.
      let held = 0;
      const article = readFileSync(join(EXAMPLES, '03-harbourline-news-working-to-make-it-happen.html'));
      const server: Server = createServer((req, res) => {
        if (held++ === 0) return;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        const port = (server.address() as { port: number }).port;
        expect((await cli('analyze', `http://127.0.0.1:${port}/article`, '--db', url, '--queue', '--timeout', '120000')).code).toBe(0);
        const first = worker(url);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          // Wait until the worker is in the middle of the job (its request for the article is held), then kill it.
          for (let i = 0; i < 300 && held === 0; i++) await new Promise((r) => setTimeout(r, 100));
          expect(held).toBe(1);
          // The child is `node --import tsx cli-child.ts worker ...`: killed by the pid its heartbeat names.
          let pid: number | undefined;
          for (let i = 0; i < 200 && pid === undefined; i++) {
            pid = (await client.query<{ pid: number }>('SELECT pid FROM worker_heartbeats')).rows[0]?.pid;
            if (pid === undefined) await new Promise((r) => setTimeout(r, 100));
          }
          process.kill(pid!, 'SIGKILL');
          expect((await first).signal ?? (await first).code).toBeTruthy();
          const second = await worker(url, '--stale-after', '1');
          expect(second.code, second.err).toBe(0);
          const exp = JSON.parse((await cli('export', '--db', url)).out);
          expect(exp.documents.map((d: { url: string | null }) => d.url)).toEqual([`http://127.0.0.1:${port}/article`]);
          expect(held).toBe(2);
        } finally {
          await client.end();
        }
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });

  it('fails a bad input with its error, shows it, and requeues it on retry', async () => {
    await withDatabase(async (url) => {
      const dir = tempDir();
      const file = join(dir, 'later.txt');
      writeFileSync(file, '');
      expect((await cli('analyze', file, '--db', url, '--queue')).code).toBe(0);
      expect((await worker(url)).code).toBe(0);
      const status = await cli('status', '--db', url);
      expect(status.out).toContain('0 waiting · 0 running · 1 failed');
      expect(status.out).toMatch(/FAILED .*later\.txt \(attempt 1 of 1\): .*later\.txt +error +empty input/);
      // The file is fixed; retry requeues it and a worker analyses it.
      copyFileSync(join(EXAMPLES, '01-kelmar-tribune-deal-agreed.txt'), file);
      expect((await cli('retry', '--db', url)).out).toBe('requeued 1 failed job(s)\n');
      expect((await worker(url)).code).toBe(0);
      expect((await cli('status', '--db', url)).out).toContain('0 waiting · 0 running · 0 failed');
      expect(JSON.parse((await cli('export', '--db', url)).out).documents).toHaveLength(1);
    });
  });
});
