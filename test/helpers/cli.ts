import { run, type Io } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI in-process and capture what it prints. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false };
  const code = await run(argv, io);
  return { code, out, err };
}

export { tempDir } from './tmp.js';
