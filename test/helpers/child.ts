import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

const helper = join(import.meta.dirname, 'cli-child.ts');

/** Run the CLI in a child process (see cli-child.ts for the env hooks); resolves when it exits. */
export function cliChild(args: string[], env: Record<string, string> = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', helper, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // Decoded as a stream: a character split across two chunks is not two broken halves.
    p.stdout.setEncoding('utf8').on('data', (s: string) => void (out += s));
    p.stderr.setEncoding('utf8').on('data', (s: string) => void (err += s));
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}
