/**
 * Output written as it is made, synchronously, to a file or to standard output. A report or an
 * export of a large store is made a row at a time by a loop that does not give the event loop a
 * turn, so `process.stdout.write` on a pipe (`walkback export | gzip`) only queued each piece:
 * the whole export piled up in memory (4.4 GB and an abort at 50,000 articles). Written here, a
 * piece leaves the process before the next is made, and a reader that is behind holds the writer
 * back instead.
 */
import { writeSync } from 'node:fs';

/** Characters gathered before a write: writers hand over many small pieces (a report's table rows). */
const WRITE_CHUNK = 1 << 16;

/** A moment to wait for a reader that is behind (Atomics.wait needs a shared buffer to wait on). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Write `s` whole to `fd`. Standard output may be a non-blocking pipe: when it is full (EAGAIN), wait for its reader. */
function writeAll(fd: number, s: string): void {
  let bytes = Buffer.from(s, 'utf8');
  while (bytes.length) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/** A writer to `fd` that gathers small pieces; `flush` writes what is gathered. */
export function syncWriter(fd: number): { write: (s: string) => void; flush: () => void } {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length) writeAll(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write: (s) => {
      pending.push(s);
      size += s.length;
      if (size >= WRITE_CHUNK) flush();
    },
    flush,
  };
}

/** A reader closed the pipe early (`walkback report | head`): end with the run's exit code so far, quietly, as a Unix filter does. */
export function endOnClosedPipe(): never {
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
}
