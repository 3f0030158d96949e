/**
 * The seeds, scored by the reference scorer. The bars only ever go up.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, tempDir } from '../helpers/cli.js';

const shared = join(process.cwd(), '..', 'shared');

describe('seeds scored by ../shared/eval/score.mjs', () => {
  it('meets the current bars', async () => {
    const dir = tempDir();
    const db = join(dir, 'seeds.db');
    const out = join(dir, 'export.json');
    expect((await cli('analyze', join(shared, 'corpus', 'seeds'), '--db', db)).code).toBe(0);
    expect((await cli('export', '--db', db, '--format', 'json', '-o', out)).code).toBe(0);
    const r = spawnSync(process.execPath, [join(shared, 'eval', 'score.mjs'), '--gold', join(shared, 'eval', 'seeds.gold.json'), '--system', out, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const score = JSON.parse(r.stdout) as { statements: { f1: number }; attribution: { f1: number }; claims: { f1: number }; conflicts: { f1: number }; dates: { correct: number } };
    expect(score.statements.f1).toBeGreaterThanOrEqual(0.5);
  });
});
