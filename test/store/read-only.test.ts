/**
 * A store this process may not write (a file without write permission, a read-only folder):
 * export, report and serve answer from it as it is, and a serve without a token never writes.
 * As root every file is writable, so the CLI then runs as the unprivileged user nobody.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, tempDir } from '../helpers/cli.js';
import { startServer, type Running } from '../../src/cli/commands/serve.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ensureSearch } from '../../src/store/queries.js';

const helper = join(import.meta.dirname, '../helpers/cli-child.ts');
const root = process.getuid?.() === 0;
const NOBODY = 65534;

const TEXT = 'Quarry Road Reopens\n\nThe county engineer said on Thursday that the quarry road would reopen next week.\n';

/** A store of one invented article in a folder that, once locked, this test's CLI cannot write. */
async function lockedStore(prepare?: (db: string) => void, lock: 'file' | 'folder' = 'folder'): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), TEXT);
  const db = join(dir, 's.db');
  expect((await cli('analyze', join(dir, 'a.txt'), '--db', db, '--jobs', '0')).code).toBe(0);
  prepare?.(db);
  chmodSync(db, 0o444);
  // 'file': the folder stays writable by its owner (and open to nobody, when run as root).
  chmodSync(dir, lock === 'folder' ? 0o555 : 0o755);
  return db;
}

interface Child {
  code: number | null;
  out: string;
  err: string;
}

/** The CLI in a child process that cannot write the store (nobody when this test runs as root). */
function cliReadOnly(args: string[], onErr?: (err: string, kill: () => void) => void): Promise<Child> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', helper, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...(root ? { uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: '/tmp' } } : {}) });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (s: string) => void (out += s));
    p.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      onErr?.(err, () => p.kill('SIGTERM'));
    });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('a read-only store', () => {
  it.each(['file', 'folder'] as const)('export and report answer from it (read-only %s)', async (lock) => {
    const db = await lockedStore(undefined, lock);
    const e = await cliReadOnly(['export', '--db', db]);
    expect(e.err).toBe('');
    expect(e.code).toBe(0);
    expect((JSON.parse(e.out) as { documents: Array<{ text: string }> }).documents[0]!.text).toContain('quarry road would reopen');
    const r = await cliReadOnly(['report', '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('a stale ledger is shown as it is, with a warning, not a failure', async () => {
    const db = await lockedStore((file) => {
      const d = new Database(file);
      d.prepare("DELETE FROM store_meta WHERE key = 'ledger_of'").run();
      d.close();
    });
    const e = await cliReadOnly(['export', '--db', db]);
    expect(e.code).toBe(0);
    expect(e.err).toMatch(/^walkback: warning: .*s\.db: the ledger is older than the documents .*read-only: showing it as it is\n$/);
    expect((JSON.parse(e.out) as { documents: unknown[] }).documents).toHaveLength(1);
  }, 60_000);

  it.each([
    ['with a search index built before', true, 200],
    ['without one (search says so, nothing else fails)', false, 503],
  ])('serve answers from it %s', async (_, indexed, searchStatus) => {
    const db = await lockedStore(
      indexed
        ? (file) => {
            const s = new SqliteStore(file);
            ensureSearch(s.db);
            s.close();
          }
        : undefined,
    );
    let got: { stats: number; search: number; code?: string } | undefined;
    const r = await cliReadOnly(['serve', '--db', db, '--port', '0'], (err, kill) => {
      const m = /at (http:\/\/\S+) /.exec(err);
      if (!m || got) return;
      got = { stats: 0, search: 0 };
      void (async () => {
        got.stats = (await fetch(`${m[1]}/api/stats`)).status;
        const s = await fetch(`${m[1]}/api/search?q=quarry`);
        got.search = s.status;
        got.code = ((await s.json()) as { code?: string }).code;
        kill();
      })();
    });
    expect(r.err).toMatch(/serving .*s\.db at http/);
    expect(got).toMatchObject({ stats: 200, search: searchStatus, ...(indexed ? {} : { code: 'WB_UNAVAILABLE' }) });
  }, 60_000);
});

describe('a serve without a token', () => {
  const running: Running[] = [];
  afterAll(async () => {
    for (const r of running) await r.close();
  });

  it('serves a writable store on a read-only connection (nothing is written while serving)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), TEXT);
    const db = join(dir, 's.db');
    await cli('analyze', join(dir, 'a.txt'), '--db', db, '--jobs', '0');
    const server = await startServer({ db, port: 0, uiRoot: null });
    running.push(server);
    const store = server.app.store;
    expect(store.readOnly).toBe(true);
    expect(() => store.db.prepare("INSERT INTO store_meta (key, value) VALUES ('probe', '1')").run()).toThrow(/readonly/);
    const res = await server.app.inject('/api/search?q=quarry');
    expect(res.statusCode).toBe(200);
  });
});
