/**
 * A store served by `walkback serve` in a child process (serve-store.ts), for benchmarks that
 * load it from this one: the server's time and memory are then its own, not shared with the
 * load generator.
 */
import { fork } from 'node:child_process';

export interface Served {
  url: string;
  /** The server process's peak RSS so far, in MB. */
  peakMb(): Promise<number>;
  /** Close the server and let its process exit. */
  stop(): void;
}

export async function serveInChild(db: string, opts: { cache?: boolean } = {}): Promise<Served> {
  const child = fork(new URL('./serve-store.ts', import.meta.url), [db, ...(opts.cache === false ? ['no-cache'] : [])], { execArgv: ['--import', 'tsx'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
  });
  return {
    url,
    peakMb: () =>
      new Promise((resolve) => {
        const on = (m: { peakMb?: number }): void => {
          if (m.peakMb === undefined) return;
          child.off('message', on);
          resolve(m.peakMb);
        };
        child.on('message', on);
        child.send('peak');
      }),
    stop: () => child.disconnect(),
  };
}
