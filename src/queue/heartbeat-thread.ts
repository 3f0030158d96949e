/**
 * The heartbeat thread of a worker process (heartbeat.ts): every `beatMs`, on a connection of
 * its own, records that the ids the main thread gave are alive, whatever the main thread is doing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { BEAT_SQL, type HeartbeatInit, type HeartbeatMessage } from './heartbeat.js';

const { url, beatMs, host, pid } = workerData as HeartbeatInit;
const client = new pg.Client({ connectionString: url });
// A lost connection only loses beats: the process then looks dead, as a process without beats would.
client.on('error', () => {});
const connected = client.connect().then(
  () => true,
  () => false,
);
let ids: string[] = [];
let stopped = false;
/** The beat in flight: one at a time, and awaited before the thread stops. */
let beating: Promise<void> = Promise.resolve();

function beat(): Promise<void> {
  beating = beating.then(async () => {
    if (stopped || !ids.length || !(await connected)) return;
    await client.query(BEAT_SQL, [ids, host, pid]).catch(() => {});
  });
  return beating;
}

const timer = setInterval(() => void beat(), beatMs);

parentPort!.on('message', (m: HeartbeatMessage) => {
  if ('ids' in m) {
    ids = m.ids;
    void beat();
    return;
  }
  clearInterval(timer);
  void beating.then(async () => {
    stopped = true;
    if (await connected) await client.end().catch(() => {});
    parentPort!.close();
  });
});
