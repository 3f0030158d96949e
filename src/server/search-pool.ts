/**
 * Searches run in worker threads (search-worker.ts), one job a worker at a time, each with a
 * deadline: past it the caller gets a DeadlineError and the worker that holds the job is
 * replaced (SQLite cannot be interrupted from outside the thread running the query).
 */
import type { Worker } from 'node:worker_threads';
import { moduleThread } from '../core/thread.js';
import type { PageArgs, SearchResult } from '../store/queries.js';
import type { SearchJob } from './search-worker.js';

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`not answered within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

interface Pending {
  job: SearchJob;
  resolve: (r: SearchResult | null) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  worker?: Slot;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

export class SearchPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private next = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly deadlineMs: number,
  ) {
    // Started with the server, not at the first search: a worker takes a while to load and to
    // read what searches share, and the first searches waited for it.
    for (let i = 0; i < size; i++) this.spawn();
  }

  search(q: string, page: PageArgs, scope: SearchJob['scope']): Promise<SearchResult | null> {
    if (this.closed) return Promise.reject(new Error('search pool closed'));
    return new Promise((resolve, reject) => {
      const p: Pending = { job: { id: this.next++, q, page, scope }, resolve, reject, timer: setTimeout(() => this.expire(p), this.deadlineMs) };
      this.queue.push(p);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) this.fail(p, new Error('server closing'));
    await Promise.all(this.slots.splice(0).map((s) => (s.busy && this.fail(s.busy, new Error('server closing')), s.worker.terminate())));
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const p = this.queue.shift()!;
      slot.busy = p;
      p.worker = slot;
      slot.worker.postMessage(p.job);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: moduleThread(import.meta.url, './search-worker', { workerData: { file: this.file } }), busy: null };
    slot.worker.on('message', (m: { id: number; result?: SearchResult | null; error?: string }) => {
      const p = slot.busy;
      if (!p || p.job.id !== m.id) return;
      slot.busy = null;
      clearTimeout(p.timer);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result ?? null);
      this.dispatch();
    });
    slot.worker.on('error', (err) => this.drop(slot, err));
    slot.worker.on('exit', () => this.drop(slot, new Error('search worker stopped')));
    // A worker must not keep a closing server's process alive.
    slot.worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** A worker gone: its job fails, a new worker takes the queue. */
  private drop(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (slot.busy) this.fail(slot.busy, err);
    slot.busy = null;
    if (!this.closed) this.dispatch();
  }

  private expire(p: Pending): void {
    const q = this.queue.indexOf(p);
    if (q >= 0) this.queue.splice(q, 1);
    p.reject(new DeadlineError(this.deadlineMs));
    const slot = p.worker;
    if (slot && slot.busy === p) {
      slot.busy = null;
      this.drop(slot, new DeadlineError(this.deadlineMs));
      void slot.worker.terminate();
    }
  }

  private fail(p: Pending, err: Error): void {
    clearTimeout(p.timer);
    p.reject(err);
  }
}
