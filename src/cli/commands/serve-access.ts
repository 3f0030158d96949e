/**
 * Who may reach `walkback serve`: the address it binds, and the ingest token. A token on the
 * command line shows in `ps`; it can come from WALKBACK_TOKEN or a file instead.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

/** 127.x.x.x, ::1 or localhost: reachable from this machine only. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

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
