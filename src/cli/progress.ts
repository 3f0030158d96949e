/**
 * A progress bar on stderr when it is a terminal and there are more than a few files.
 * Counting files first is cheap next to analysing them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Io } from './main.js';

const FEW = 5;

function countFiles(path: string, limit: number): number {
  try {
    const st = statSync(path);
    if (!st.isDirectory()) return 1;
    let n = 0;
    for (const e of readdirSync(path)) {
      if (e.startsWith('.')) continue;
      n += countFiles(join(path, e), limit - n);
      if (n >= limit) break;
    }
    return n;
  } catch {
    return 1;
  }
}

export interface Progress {
  tick: () => void;
  stop: () => void;
}

export function progressFor(paths: string[], io: Io): Progress {
  if (!io.isTTY) return { tick: () => {}, stop: () => {} };
  const total = paths.reduce((n, p) => n + (/^(https?:|-$)/.test(p) ? 1 : countFiles(p, 1_000_000)), 0);
  if (total <= FEW) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: 'analyze [{bar}] {value}/{total} inputs · {eta}s left', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  let stopped = false;
  return {
    tick: () => {
      // A JSON Lines file or a feed holds many items: grow the total rather than overflow it.
      if (bar.getProgress() >= 1) bar.setTotal(bar.getTotal() + 1);
      bar.increment();
    },
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
