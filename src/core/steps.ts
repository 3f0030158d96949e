/**
 * Work done a step at a time (a generator that yields between steps and returns its result), so
 * that a caller with I/O in flight can let it proceed: a PostgreSQL rebuild finds the conflicts
 * while the server inserts the other ledger tables (store/postgres/ledger.ts), where the two
 * took turns before. Run whole, the steps give the same result as a plain function.
 */

/** Run every step at once. */
export function drain<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Run the steps, giving the event loop a turn once `sliceMs` have passed since the last: a
 * stream in flight (a COPY's rows) is fed between slices. A slice this short keeps a socket's
 * buffer from running dry; far longer than a turn of the loop, so the work is not slowed.
 */
export async function drainInSlices<T>(steps: Iterator<unknown, T>, sliceMs = 10): Promise<T> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() >= until) {
      await new Promise((resolve) => setImmediate(resolve));
      until = performance.now() + sliceMs;
    }
  }
}
