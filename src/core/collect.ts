/**
 * A full garbage collection between the phases of a large ledger update. Each phase (load,
 * entities, events, conflicts, save) makes hundreds of MB of rows and strings that live until
 * the phase ends, and V8 sizes its heap by the most it has held: without a collection between
 * phases, the next phase's garbage piles on the last one's and the peak is nearly twice what is
 * live (a 20 MB text in 609 parts: 600 MB, 500 with it). Below `minHeapMb` in use a collection
 * would cost more than it frees, and none is asked for.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

export function collectIfLarge(minHeapMb = 150): void {
  if (process.memoryUsage().heapUsed < minHeapMb * 2 ** 20) return;
  if (!gc) {
    // The runtime's collector is reachable once the flag is set, from a fresh context.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
