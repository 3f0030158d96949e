/**
 * The sample corpora, analysed by the CLI and scored by the reference scorer. The bars only
 * ever go up: raise them as the work improves, never lower them.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, tempDir } from '../helpers/cli.js';

const shared = join(process.cwd(), '..', 'shared');

interface Score {
  statements: { f1: number };
  attribution: { f1: number };
  claims: { f1: number };
  conflicts: { f1: number };
  dates: { correct: number; total: number };
}

async function score(corpus: string, gold: string): Promise<Score> {
  const dir = tempDir();
  const db = join(dir, 'eval.db');
  const out = join(dir, 'export.json');
  expect((await cli('analyze', join(shared, 'corpus', corpus), '--db', db)).code).toBe(0);
  expect((await cli('export', '--db', db, '--format', 'json', '-o', out)).code).toBe(0);
  const r = spawnSync(process.execPath, [join(shared, 'eval', 'score.mjs'), '--gold', join(shared, 'eval', gold), '--system', out, '--json'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Score;
}

/** Each story's bars: statements, attribution, claims, conflicts F1; dates all right. */
const BARS: Array<[string, { statements: number; attribution: number; claims: number; conflicts: number }]> = [
  ['seeds', { statements: 0.88, attribution: 0.88, claims: 0.66, conflicts: 0.75 }],
  ['trump-putin-dev', { statements: 0.95, attribution: 0.88, claims: 0.76, conflicts: 0.65 }],
  // A takeover blocked, fought and approved.
  ['nippon-us-steel', { statements: 0.9, attribution: 0.88, claims: 0.68, conflicts: 0.4 }],
  // Talks, calls, a truce and a summit.
  ['us-china-trade', { statements: 0.88, attribution: 0.83, claims: 0.58, conflicts: 0.5 }],
];

describe('scored by ../shared/eval/score.mjs', () => {
  it.each(BARS)('%s meets the current bars', async (story, bar) => {
    const s = await score(story, `${story}.gold.json`);
    expect(s.statements.f1).toBeGreaterThanOrEqual(bar.statements);
    expect(s.attribution.f1).toBeGreaterThanOrEqual(bar.attribution);
    expect(s.claims.f1).toBeGreaterThanOrEqual(bar.claims);
    expect(s.conflicts.f1).toBeGreaterThanOrEqual(bar.conflicts);
    expect(s.dates.correct).toBe(s.dates.total);
  });
});
