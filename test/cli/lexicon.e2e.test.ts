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

// An event type of the user's own, declared in `ledger` and given triggers in `event-types`.
const venture = join(dir, 'venture.yml');
writeFileSync(venture, [
  'ledger:',
  '  - { id: venture, kind: event-type, label: joint venture }',
  'event-types:',
  '  - { id: venture/noun, type: venture, pos: noun, participants: [organization, unknown], forms: [joint venture] }',
].join('\n') + '\n');
const ventureArticle = join(dir, 'venture.txt');
writeFileSync(ventureArticle, 'Ardent Foods and Brix Capital\nMarch 3, 2031\n\nArdent Foods and Brix Capital agreed to a joint venture, a spokeswoman for Ardent Foods said on Monday.\n');
// A user type that claims a built-in trigger form ('merger', a deal's).
const merger = join(dir, 'merger.yml');
writeFileSync(merger, [
  'ledger:',
  '  - { id: merger, kind: event-type, label: merger }',
  'event-types:',
  '  - { id: merger/noun, type: merger, pos: noun, participants: [organization, unknown], forms: [merger] }',
].join('\n') + '\n');
const mergerArticle = join(dir, 'merger.txt');
writeFileSync(mergerArticle, 'Ardent Foods and Brix Capital\nMarch 3, 2031\n\nA merger of Ardent Foods and Brix Capital was agreed last week, the chief executive of Brix Capital said.\n');

async function eventsWith(...args: string[]): Promise<{ err: string; events: Array<[string, string | null]> }> {
  const db = join(tempDir(), 'w.db');
  const a = await cli(...args, '--db', db);
  expect(a.code).toBe(0);
  const e = await cli('export', '--db', db, '--format', 'json');
  return { err: a.err, events: (JSON.parse(e.out) as WalkbackExport).events.map((v) => [v.type, v.status]) };
}

describe('--lexicon', () => {
  it('adds an event type, whose triggers then make events of it', async () => {
    expect((await eventsWith('analyze', ventureArticle)).events).toEqual([]);
    const r = await eventsWith('--lexicon', venture, 'analyze', ventureArticle);
    expect(r.events).toEqual([['venture', 'agreed']]);
    expect(r.err).toBe('');
  });

  it('gives a form claimed by a user entry and a built-in one to the user, with a warning naming both', async () => {
    expect((await eventsWith('analyze', mergerArticle)).events).toEqual([['deal', 'agreed']]);
    const r = await eventsWith('--lexicon', merger, 'analyze', mergerArticle);
    expect(r.events).toEqual([['merger', 'agreed']]);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(merger);
    expect(lines[0]).toMatch(/warning .*event-types entry merger\/noun \(type merger\) takes the form 'merger' from built-in entry deal\/noun \(type deal\)/);
  });

  it('refuses triggers of an event type nobody declared, naming the file and the entry', async () => {
    const file = join(tempDir(), 'undeclared.yml');
    writeFileSync(file, 'event-types:\n  - { id: barter/noun, type: barter, pos: noun, participants: [organization], forms: [barter] }\n');
    const r = await cli('--lexicon', file, 'analyze', ventureArticle, '--db', join(tempDir(), 'w.db'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/undeclared\.yml: event-types entry barter\/noun: type barter is not declared/);
  });

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
