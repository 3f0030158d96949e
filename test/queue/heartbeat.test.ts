/**
 * A worker's heartbeat (src/queue/heartbeat.ts) goes on while its main thread is held: a long
 * job is not taken for a dead worker. Stopped, it writes no more beats.
 */
import { describe, it, expect, inject } from 'vitest';
import { Heartbeat } from '../../src/queue/heartbeat.js';
import { PgDocumentStore } from '../../src/store/postgres/store.js';
import { withDatabase } from '../helpers/pg-cluster.js';

const pgUrl = inject('pgUrl');

/** Hold this thread, as a job that clusters a large story without yielding does. */
const holdThread = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe.skipIf(!pgUrl)('the heartbeat of a worker process', () => {
  it('beats while the main thread is held, and not after it is stopped', async () => {
    await withDatabase(pgUrl, 'beat', async (url) => {
      const store = await PgDocumentStore.open(url);
      try {
        const age = async (): Promise<number | null> => {
          const row = (await store.pool.query<{ age: number }>("SELECT extract(epoch FROM clock_timestamp() - beat)::float8 AS age FROM worker_heartbeats WHERE worker_id = 'w-1'")).rows[0];
          return row ? row.age : null;
        };
        const heartbeat = Heartbeat.start(store.url, 100);
        try {
          heartbeat.beatFor(['w-1']);
          for (let i = 0; i < 100 && (await age()) === null; i++) await new Promise((r) => setTimeout(r, 50));
          expect(await age()).not.toBeNull();
          holdThread(1500);
          // Beaten every 100 ms while this thread was held: a beat timed here would be 1.5 s old.
          expect(await age()).toBeLessThan(0.6);
        } finally {
          await heartbeat.stop();
        }
        const last = (await store.pool.query<{ beat: Date }>("SELECT beat FROM worker_heartbeats WHERE worker_id = 'w-1'")).rows[0]!.beat;
        await new Promise((r) => setTimeout(r, 400));
        expect((await store.pool.query<{ beat: Date }>("SELECT beat FROM worker_heartbeats WHERE worker_id = 'w-1'")).rows[0]!.beat).toEqual(last);
      } finally {
        await store.close();
      }
    });
  });
});
