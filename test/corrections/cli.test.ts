/** `walkback correct ...` in-process: one line per correction, --json, one-line errors and exit codes. */
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { analysedStore, examples } from './stores.js';

describe('walkback correct', () => {
  let db: string;
  let machine: WalkbackExport;

  beforeAll(async () => {
    const { dir, copy } = await analysedStore([examples]);
    const s = copy();
    machine = s.loadExport();
    s.close();
    db = join(dir, 'cli.db');
    copyFileSync(s.file, db);
  }, 120_000);

  it('makes each kind from its arguments and lists them with who and when', async () => {
    const events = [...machine.events].sort((a, b) => machine.claims.filter((c) => c.event === b.id).length - machine.claims.filter((c) => c.event === a.id).length);
    const [a, b] = events;
    const claim = machine.claims.find((c) => c.event === a!.id)!;
    const entity = machine.entities[0]!;
    const made = [
      ['merge-events', a!.id, b!.id],
      ['split-event', a!.id, '--claims', claim.id, '--label', 'Harbour visit'],
      ['alias', entity.id, 'Ardent Foods'],
      ['set-status', claim.id, 'held'],
      ['set-source', claim.id, 'none'],
      ['confirm', claim.id],
      ['note', a!.id, 'Ask the Norland desk'],
      ['reject', machine.conflicts[0]!.id],
      ['merge-entities', machine.entities[1]!.id, machine.entities[2]!.id],
    ];
    for (const [i, args] of made.entries()) {
      const r = await cli('correct', ...args, '--db', db, '--by', 'Lind');
      expect(r.err, args.join(' ')).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^x${i + 1}  ${args[0]} .*\\(by Lind at \\d{4}-\\d\\d-\\d\\dT[^;]+; applied\\)\\n$`));
    }
    const list = await cli('correct', 'list', '--db', db, '--json');
    expect(list.code).toBe(0);
    const all = JSON.parse(list.out) as Array<{ id: string; by: string; state: string }>;
    expect(all.map((c) => [c.id, c.by, c.state])).toEqual(made.map((_, i) => [`x${i + 1}`, 'Lind', 'applied']));
    const exp = JSON.parse((await cli('export', '--db', db)).out) as WalkbackExport;
    expect(exp.events.find((e) => e.id === 'ev-x2')).toMatchObject({ label: 'Harbour visit', corrected: true });
    expect(exp.claims.find((c) => c.id === claim.id)).toMatchObject({ status: 'held', source: null, event: 'ev-x2', confirmed: true, correctionIds: ['x2', 'x4', 'x5', 'x6'] });
  });

  it('undoes with WALKBACK_USER as who, and says so in the list', async () => {
    process.env.WALKBACK_USER = 'Ardent';
    try {
      const r = await cli('correct', 'undo', 'x3', '--db', db);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^x3 {2}alias .*undone by Ardent at /);
    } finally {
      delete process.env.WALKBACK_USER;
    }
    const again = await cli('correct', 'undo', 'x3', '--db', db);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^walkback: x3: already undone by Ardent at \S+\n$/);
  });

  it('refuses unknown ids and bad values with one line and exit 2, storing nothing', async () => {
    const before = (await cli('correct', 'list', '--db', db, '--json')).out;
    for (const args of [
      ['reject', 'ev-nowhere'],
      ['set-status', machine.claims[0]!.id, 'maybe'],
      ['split-event', machine.events[0]!.id],
    ]) {
      const r = await cli('correct', ...args, '--db', db);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^walkback: [^\n]+\n$/);
      expect(r.out).toBe('');
    }
    expect((await cli('correct', 'list', '--db', db, '--json')).out).toBe(before);
    const missing = await cli('correct', 'list', '--db', join(db, '..', 'none.db'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/none\.db: no such store/);
  });
});
