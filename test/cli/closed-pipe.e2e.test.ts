/**
 * The CLI writing to a pipe: a reader that closes it early (`walkback dates FILE | head -1`)
 * ends the run quietly; a reader that is behind (`walkback export | gzip`) holds the writer back
 * and gets every byte.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/tmp.js';
import { cli } from '../helpers/cli.js';

const helper = join(import.meta.dirname, '../helpers/cli-child.ts');
const child = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', helper, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
const closed = (p: ReturnType<typeof child>) => new Promise<number | null>((resolve) => p.on('close', (c) => resolve(c)));

describe('the CLI writing to a pipe closed early', () => {
  it('stops without an error or a stack trace', async () => {
    // Thousands of dates: far more output than a pipe holds, so writes go on after the reader has gone.
    const file = join(tempDir(), 'dates.txt');
    writeFileSync(file, Array.from({ length: 4000 }, (_, i) => `The talks were held on March ${(i % 28) + 1}, 2024.`).join('\n'));
    const p = child(['dates', '--published', '2024-06-01', file]);
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (s: string) => void (err += s));
    p.stdout.once('data', () => p.stdout.destroy());
    const code = await closed(p);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('export to a pipe', () => {
  const db = join(tempDir(), 'walkback.db');
  let exported = '';
  beforeAll(async () => {
    expect((await cli('analyze', join(process.cwd(), 'examples'), '--db', db)).code).toBe(0);
    exported = (await cli('export', '--db', db)).out;
    // More than a pipe holds (64 KB): the writer finds it full while the reader waits.
    expect(exported.length).toBeGreaterThan(1 << 16);
  });

  it('a reader that is behind gets the whole export, byte for byte', async () => {
    const p = child(['export', '--db', db]);
    const chunks: Buffer[] = [];
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (s: string) => void (err += s));
    p.stdout.pause();
    await new Promise((r) => setTimeout(r, 500));
    p.stdout.on('data', (b: Buffer) => chunks.push(b));
    expect(await closed(p)).toBe(0);
    expect(err).toBe('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(exported);
  });

  it('a reader that is gone before the first byte ends the export quietly', async () => {
    const p = child(['export', '--db', db]);
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (s: string) => void (err += s));
    p.stdout.destroy();
    expect(await closed(p)).toBe(0);
    expect(err).toBe('');
  });
});
