/**
 * Full garbage collections where a long run makes its memory in steps. V8 sizes its heap by
 * the most it has held, so the garbage of one step piles on what the last step left:
 *   - collectIfLarge, between the phases of a ledger update (load, entities, events, conflicts,
 *     save), each making hundreds of MB of rows that live until it ends (a 20 MB text in 609
 *     parts: 600 MB peak without, 500 with);
 *   - collectIfGrown, between the batches of a report and the chunks of an export, each
 *     written out and then garbage.
 * Below `minHeapMb` in use a collection would cost more than it frees, and none is asked for.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;
/** The heap in use after the last collection asked for here. */
let afterLast = 0;

function collect(): void {
  if (!gc) {
    // The runtime's collector is reachable once the flag is set, from a fresh context.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  afterLast = process.memoryUsage().heapUsed;
}

export function collectIfLarge(minHeapMb = 150): void {
  if (process.memoryUsage().heapUsed >= minHeapMb * 2 ** 20) collect();
}

/**
 * A collection once the heap has grown by half since the last one and is over `minHeapMb`:
 * for a loop whose every step leaves garbage (a report's event batches, each written out) and
 * whose live memory grows slowly. V8 lets such a heap grow to several times what is live (a
 * 50,000-article HTML report: 1.15 GB of RSS for under 350 MB live); asked at every step, a
 * full collection would cost more than the step.
 */
export function collectIfGrown(minHeapMb = 150): void {
  const used = process.memoryUsage().heapUsed;
  if (used >= minHeapMb * 2 ** 20 && used > afterLast * 1.5) collect();
}
