/**
 * The per-document stages in worker threads: the store and the ledger do not depend on how
 * many workers there are or which finishes first, and a document over its time budget is
 * stopped, named on stderr in one line, and the rest of the batch is stored.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';

const examples = join(process.cwd(), 'examples');

async function exportWith(...flags: string[]): Promise<string> {
  const db = join(tempDir(), 'w.db');
  const a = await cli('analyze', examples, '--db', db, ...flags);
  expect(a.err).toBe('');
  expect(a.code).toBe(0);
  return (await cli('export', '--db', db, '--format', 'json')).out;
}

/**
 * A very long page of invented paragraphs, all different: HTML is never cut into parts, so its
 * analysis takes tens of seconds, several times the budget the test gives, and an article a tiny
 * share of it, even on a loaded machine (a budget of a second was too tight there for an article
 * whose worker was still loading its model).
 */
function longPage(): string {
  const towns = ['Arlen', 'Brisk', 'Colder', 'Dunmere', 'Eastwick', 'Farrow', 'Galt', 'Hollin'];
  const paras: string[] = [];
  for (let i = 0, size = 0; size < 1_500_000; i++) {
    const a = towns[i % towns.length]!;
    const b = towns[(i * 3 + 1) % towns.length]!;
    paras.push(
      `The mayor of ${a}, Ilse Varn ${i}, said on Tuesday that talks with ${b} on the shared water plant would resume next month. ` +
        `"We have agreed on the price, not on the pipes," she told reporters, adding that a meeting with the council of ${b} had been called off twice. ` +
        `Officials in ${b} denied that the meeting had been cancelled and said it was postponed until the spring.`,
    );
    size += paras[paras.length - 1]!.length;
  }
  return `<html><body>${paras.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
}

describe('analyze --jobs', () => {
  it('gives the same export with 2 workers as with 1 and as in the main thread', async () => {
    const one = await exportWith('--jobs', '1');
    expect(await exportWith('--jobs', '2')).toBe(one);
    expect(await exportWith('--jobs', '0')).toBe(one);
  });

  it('stops a document over its time budget, names it in one line, and stores the rest (exit 1)', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'in');
    cpSync(examples, corpus, { recursive: true });
    writeFileSync(join(corpus, 'zz-long-page.html'), longPage());
    const db = join(dir, 'w.db');
    const r = await cli('analyze', corpus, '--db', db, '--jobs', '2', '--doc-timeout', '5');
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/zz-long-page\.html {2}error {2}over the time budget \(5 s\): stopped {2}analyze\/timeout$/);
    const exp = JSON.parse((await cli('export', '--db', db, '--format', 'json')).out) as { documents: Array<{ source: string }> };
    const stored = exp.documents.map((d) => d.source);
    expect(stored.some((s) => s.endsWith('zz-long-page.html'))).toBe(false);
    expect(stored).toHaveLength(readdirSync(examples).filter((f) => /\.(txt|md|html)$/.test(f)).length);
  });

  it('refuses a --jobs that is not a whole number', async () => {
    const r = await cli('analyze', examples, '--db', join(tempDir(), 'w.db'), '--jobs', 'two');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--jobs two: expected a whole number/);
  });
});
