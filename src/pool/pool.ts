/**
 * A pool of worker threads for the per-document stages. Each worker takes one input item at
 * a time; the main thread keeps the clock: a document over its time budget gets its worker
 * terminated and replaced, one over its memory budget kills only its worker (V8 heap limit),
 * and either comes back as an InputError naming it, so the batch goes on.
 */
import type { Worker } from 'node:worker_threads';
import { moduleThread } from '../core/thread.js';
import { InputError } from '../core/message.js';
import type { Doc } from '../core/types.js';
import type { InputItem } from '../ingest/index.js';
import type { Task, WorkerInit, WorkerMessage } from './protocol.js';
import type { PreparedRow } from '../store/store.js';

/** Buffers arrive as plain Uint8Arrays; the store binds Buffers (same bytes, no copy). */
function arrivedRow(row: PreparedRow): PreparedRow {
  const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return { ...row, analysis: buf(row.analysis), ledgerInput: buf(row.ledgerInput) };
}

/** Young-generation size of each worker's heap, in MB (V8's default is 3 × 16 MB on 64 bits). */
const WORKER_YOUNG_MB = 8;

export interface PoolOptions {
  jobs: number;
  /** Wall time a worker may spend on one document. */
  timeoutMs: number;
  /** V8 old-generation heap of each worker, in MB. */
  memoryMb: number;
  init: WorkerInit;
  onWarning?: (w: { file: string; reason: string; ruleId: string }) => void;
}

export type PoolResult = { doc: Doc } | { row: PreparedRow } | { error: InputError };

interface Pending {
  task: Task;
  resolve: (r: PoolResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  busy?: Pending;
  timer?: NodeJS.Timeout;
  /** Set once the slot is given up (timeout, crash, close): its late messages are ignored. */
  dead?: boolean;
}

export class AnalysisPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;
  /** Why workers cannot start (they died before their first document): every item gets it. */
  private broken?: string;

  /** Workers start on demand, up to `jobs`: a run of one article starts one, not one per core. */
  constructor(private readonly opts: PoolOptions) {}

  /** Clean and analyse one item in a worker; never rejects: bad input comes back as an error. */
  run(item: InputItem): Promise<PoolResult> {
    return new Promise((resolve) => {
      if (this.broken) return resolve({ error: new InputError(item.source, this.broken, 'analyze/no-worker') });
      // A structured clone copies a Buffer's whole underlying memory: send a view of a larger
      // buffer (Node's small-buffer pool, a slice) as its own bytes.
      const bytes = item.bytes.byteLength < item.bytes.buffer.byteLength / 2 ? Buffer.from(item.bytes) : item.bytes;
      this.queue.push({ task: { id: this.nextId++, item: { ...item, bytes } }, resolve });
      this.pump();
    });
  }

  /** Workers started and not given up: at most `jobs`, and no more than there were documents to run at once. */
  get workers(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.slots];
    this.slots.clear();
    for (const s of all) {
      s.dead = true;
      clearTimeout(s.timer);
    }
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  private spawn(): void {
    const worker = moduleThread(import.meta.url, './worker', {
      workerData: this.opts.init,
      // A small young generation: a worker's garbage is collected sooner, which on a long
      // text's parts kept tens of MB per worker off the resident set at no measurable cost.
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      // A worker's stray console output goes where the main thread's would.
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (err: Error & { code?: string }) => {
      const overMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.retire(slot, (source) =>
        overMemory
          ? new InputError(source, `over the memory budget (${this.opts.memoryMb} MB): stopped`, 'analyze/over-memory')
          : new InputError(source, `analysis crashed: ${err.message.split('\n')[0]}`, 'analyze/crashed'),
      );
    });
    worker.on('exit', () => {
      // An exit we did not ask for (the error handler has usually retired the slot already).
      if (!slot.dead) this.retire(slot, (source) => new InputError(source, 'analysis stopped: its worker exited', 'analyze/crashed'));
    });
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    if (slot.dead) return;
    if (m.kind === 'warning') {
      this.opts.onWarning?.(m);
      return;
    }
    if (m.kind === 'ready') {
      slot.ready = true;
      this.pump();
      return;
    }
    const p = slot.busy;
    if (!p || p.task.id !== m.id) return;
    clearTimeout(slot.timer);
    slot.busy = undefined;
    if (m.kind === 'done') p.resolve({ doc: m.doc });
    else if (m.kind === 'row') p.resolve({ row: arrivedRow(m.row) });
    else p.resolve({ error: new InputError(m.error.item, m.error.message, m.error.ruleId, m.error.line) });
    this.pump();
  }

  /** Give up a worker (over budget or crashed): its document gets the error, a new worker takes its place. */
  private retire(slot: Slot, errorFor: (source: string) => InputError): void {
    if (slot.dead) return;
    slot.dead = true;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    void slot.worker.terminate();
    const p = slot.busy;
    slot.busy = undefined;
    if (p) p.resolve({ error: errorFor(p.task.item.source) });
    if (!slot.ready) {
      // Died while loading: a replacement would die the same way, so stop here.
      this.broken = errorFor('').message;
      for (const q of this.queue.splice(0)) q.resolve({ error: new InputError(q.task.item.source, this.broken, 'analyze/no-worker') });
      return;
    }
    if (!this.closed) this.pump();
  }

  private pump(): void {
    // A long text's parts go one at a time (ingest/index.ts partOf): a part waits while another
    // part of its document is being analysed, and starts no worker of its own.
    const busy = new Set([...this.slots].flatMap((s) => (s.busy?.task.item.partOf ? [s.busy.task.item.partOf] : [])));
    const next = (): number => this.queue.findIndex((p) => !p.task.item.partOf || !busy.has(p.task.item.partOf));
    const waiting = new Set(this.queue.map((p, i) => p.task.item.partOf ?? i));
    for (const group of busy) waiting.delete(group);
    // More documents ready to start than workers idle or starting: one more worker, up to the limit.
    const free = [...this.slots].filter((s) => !s.busy && !s.dead).length;
    if (!this.closed && waiting.size > free && this.slots.size < Math.max(1, this.opts.jobs)) this.spawn();
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy || slot.dead) continue;
      const i = next();
      if (i < 0) return;
      const p = this.queue.splice(i, 1)[0]!;
      if (p.task.item.partOf) busy.add(p.task.item.partOf);
      slot.busy = p;
      // The clock starts when the worker gets the document, not while it waits in the queue.
      slot.timer = setTimeout(() => {
        if (slot.busy === p) this.retire(slot, (source) => new InputError(source, `over the time budget (${this.opts.timeoutMs / 1000} s): stopped`, 'analyze/timeout'));
      }, this.opts.timeoutMs);
      slot.worker.postMessage(p.task);
    }
  }
}
