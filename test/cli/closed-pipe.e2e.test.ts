/** A reader that closes the pipe early (`walkback dates FILE | head -1`): the CLI ends quietly. */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/tmp.js';

const helper = join(import.meta.dirname, '../helpers/cli-child.ts');

describe('the CLI writing to a pipe closed early', () => {
  it('stops without an error or a stack trace', async () => {
    // Thousands of dates: far more output than a pipe holds, so writes go on after the reader has gone.
    const file = join(tempDir(), 'dates.txt');
    writeFileSync(file, Array.from({ length: 4000 }, (_, i) => `The talks were held on March ${(i % 28) + 1}, 2024.`).join('\n'));
    const p = spawn(process.execPath, ['--import', 'tsx', helper, 'dates', '--published', '2024-06-01', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (s: string) => void (err += s));
    p.stdout.once('data', () => p.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => p.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
