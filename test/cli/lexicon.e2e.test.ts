/**
 * --lexicon: a user's YAML file extends the built-in lexicons for one run, before or after the
 * command, and a broken file stops the run at once with one line naming it.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import type { WalkbackExport } from '../../src/report/export.js';

const dir = tempDir();
const article = join(dir, 'harbour.txt');
writeFileSync(article, 'Harbour talks\nMarch 3, 2031\n\nThe port minister zorbled that the lease deal was done.\n');
const verbs = join(dir, 'verbs.yml');
writeFileSync(verbs, 'reporting-verbs:\n  - { id: verb/zorble, forms: [zorbled, zorbles] }\n');

async function statementsWith(...args: string[]): Promise<string[]> {
  const db = join(tempDir(), 'w.db');
  const a = await cli(...args.map((x) => (x === 'DB' ? db : x)));
  expect(a.code).toBe(0);
  const e = await cli('export', '--db', db, '--format', 'json');
  return (JSON.parse(e.out) as WalkbackExport).statements.map((s) => s.text);
}

describe('--lexicon', () => {
  it('adds a reporting verb, given before or after the command, for that run only', async () => {
    expect(await statementsWith('analyze', article, '--db', 'DB')).toEqual([]);
    expect(await statementsWith('--lexicon', verbs, 'analyze', article, '--db', 'DB')).toEqual(['the lease deal was done']);
    expect(await statementsWith('analyze', article, '--db', 'DB', '--lexicon', verbs)).toEqual(['the lease deal was done']);
    expect(await statementsWith('analyze', article, '--db', 'DB')).toEqual([]);
  });

  it.each([
    ['broken YAML', 'reporting-verbs:\n  - id: x\n    [open\n', /broken\.yml:\d+:\d+: /],
    ['a list at the top', '- { id: verb/x, forms: [x] }\n', /broken\.yml: a user lexicon file must be a YAML mapping/],
    ['an entry without an id', 'reporting-verbs:\n  - { forms: [x] }\n', /broken\.yml: entry 1 of lexicon reporting-verbs: every entry needs an id/],
    ['a lexicon that does not exist', 'reporting-verb:\n  - { id: verb/x, forms: [x] }\n', /broken\.yml: no lexicon is named reporting-verb/],
  ])('exits 2 on %s, in one line naming the file', async (_what, yaml, message) => {
    const file = join(tempDir(), 'broken.yml');
    writeFileSync(file, yaml);
    const r = await cli('--lexicon', file, 'analyze', article, '--db', join(tempDir(), 'w.db'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});
