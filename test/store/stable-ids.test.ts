/**
 * Ids after later articles arrive: the bundled fictional story (examples/) analysed in two runs
 * gives the export of one run over all of it, a claim keeps its id, a conflict found again
 * keeps its id, and every event, entity or conflict id of the first run is either still there
 * or redirects to live ids. `walkback rebuild` of the same documents changes nothing.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import type { WalkbackExport } from '../../src/report/export.js';
import type { RedirectKind } from '../../src/store/redirects.js';
import { cli, tempDir } from '../helpers/cli.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const files = readdirSync(examples).sort().map((f) => join(examples, f));
const half = Math.ceil(files.length / 2);

let dir: string;
let first: WalkbackExport;
let inTwo: WalkbackExport;
let atOnce: WalkbackExport;
let twoRuns: SqliteStore;

beforeAll(async () => {
  dir = tempDir('walkback-ids-');
  twoRuns = new SqliteStore(join(dir, 'two.db'));
  await analyzeIntoStore(twoRuns, files.slice(0, half));
  first = twoRuns.loadExport();
  await analyzeIntoStore(twoRuns, files.slice(half));
  inTwo = twoRuns.loadExport();
  const once = new SqliteStore(join(dir, 'once.db'));
  await analyzeIntoStore(once, files);
  atOnce = once.loadExport();
  once.close();
  return () => twoRuns.close();
});

describe('ids when later articles arrive', () => {
  it('gives the export of one run over all the articles', () => {
    expect(inTwo).toEqual(atOnce);
    expect(first.events.length).toBeGreaterThan(0);
    expect(first.conflicts.length).toBeGreaterThan(0);
  });

  it('keeps every claim id, and a conflict found again keeps its id', () => {
    const claims = new Set(inTwo.claims.map((c) => c.id));
    for (const c of first.claims) expect(claims.has(c.id)).toBe(true);
    const byPair = new Map(inTwo.conflicts.map((k) => [`${k.kind}|${k.claims.join('|')}`, k.id]));
    const again = first.conflicts.filter((k) => byPair.has(`${k.kind}|${k.claims.join('|')}`));
    expect(again.length).toBeGreaterThan(0);
    for (const k of again) expect(byPair.get(`${k.kind}|${k.claims.join('|')}`)).toBe(k.id);
  });

  it('answers every id of the first run: still there, or redirected to live ids', () => {
    const live: Record<RedirectKind, Set<string>> = {
      event: new Set(inTwo.events.map((e) => e.id)),
      entity: new Set(inTwo.entities.map((e) => e.id)),
      conflict: new Set(inTwo.conflicts.map((k) => k.id)),
    };
    const before: Record<RedirectKind, string[]> = { event: first.events.map((e) => e.id), entity: first.entities.map((e) => e.id), conflict: [] };
    // A conflict whose pair no longer conflicts is gone; one whose pair still does is answered.
    const pairs = new Set(inTwo.conflicts.map((k) => k.claims.join('|')));
    before.conflict = first.conflicts.filter((k) => pairs.has(k.claims.join('|'))).map((k) => k.id);
    for (const kind of ['event', 'entity', 'conflict'] as const) {
      for (const id of before[kind]) {
        if (live[kind].has(id)) continue;
        const to = twoRuns.redirect(kind, id);
        expect(to.length, `${kind} ${id}`).toBeGreaterThan(0);
        for (const t of to) expect(live[kind].has(t)).toBe(true);
      }
    }
    // Most of the first run's events keep their id outright.
    const kept = first.events.filter((e) => live.event.has(e.id)).length;
    expect(kept / first.events.length).toBeGreaterThan(0.5);
  });

  it('rebuild of the same documents changes nothing', async () => {
    const db = join(dir, 'two.db');
    const res = await cli('rebuild', '--db', db, '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ documents: inTwo.documents.length, events: inTwo.events.length, conflicts: inTwo.conflicts.length });
    const again = new SqliteStore(db);
    try {
      expect(again.loadExport()).toEqual(inTwo);
    } finally {
      again.close();
    }
    expect((await cli('rebuild', '--db', join(dir, 'none.db'))).err).toMatch(/none\.db: no such store/);
  });
});
