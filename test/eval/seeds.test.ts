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

describe('scored by ../shared/eval/score.mjs', () => {
  it('seeds meet the current bars', async () => {
    const s = await score('seeds', 'seeds.gold.json');
    expect(s.statements.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.attribution.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.claims.f1).toBeGreaterThanOrEqual(0.66);
    expect(s.conflicts.f1).toBeGreaterThanOrEqual(0.75);
    expect(s.dates.correct).toBe(s.dates.total);
  });

  it('the trump-putin-dev articles meet the current bars', async () => {
    const s = await score('trump-putin-dev', 'trump-putin-dev.gold.json');
    expect(s.statements.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.attribution.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.claims.f1).toBeGreaterThanOrEqual(0.76);
    expect(s.conflicts.f1).toBeGreaterThanOrEqual(0.65);
    expect(s.dates.correct).toBe(s.dates.total);
  });

  it('the nippon-us-steel articles (a takeover) meet the current bars', async () => {
    const s = await score('nippon-us-steel', 'nippon-us-steel.gold.json');
    expect(s.statements.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.attribution.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.claims.f1).toBeGreaterThanOrEqual(0.58);
    expect(s.conflicts.f1).toBeGreaterThanOrEqual(0.35);
    expect(s.dates.correct).toBe(s.dates.total);
  });

  it('the us-china-trade articles (talks and a truce) meet the current bars', async () => {
    const s = await score('us-china-trade', 'us-china-trade.gold.json');
    expect(s.statements.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.attribution.f1).toBeGreaterThanOrEqual(0.83);
    expect(s.claims.f1).toBeGreaterThanOrEqual(0.55);
    expect(s.conflicts.f1).toBeGreaterThanOrEqual(0.4);
    expect(s.dates.correct).toBe(s.dates.total);
  });
});
