/**
 * The ingest token of `walkback serve`. A token on the command line shows in `ps`; it can come
 * from WALKBACK_TOKEN or a file instead. (Whether an address is loopback: server/plugins/host-check.ts.)
 */
import { readFileSync } from 'node:fs';

/** The token: --token-file's first line, else --token, else WALKBACK_TOKEN; undefined when none or empty. */
export function tokenFrom(flags: { token?: string; tokenFile?: string }, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flags.tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.tokenFile, 'utf8');
    } catch (err) {
      throw new Error(`--token-file ${flags.tokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const t = text.split(/\r?\n/)[0]!.trim();
    if (!t) throw new Error(`--token-file ${flags.tokenFile}: the file is empty`);
    return t;
  }
  return flags.token || env.WALKBACK_TOKEN || undefined;
}
