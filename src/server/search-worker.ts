/**
 * A search worker: full-text queries on a read-only connection of its own, so that a search
 * never holds the server's event loop (every other request waited behind it). Messages in:
 * { id, q, page, scope }; out: { id, result } or { id, error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Queries, type PageArgs } from '../store/queries.js';

export interface SearchJob {
  id: number;
  q: string;
  page: PageArgs;
  scope: 'all' | 'statements' | 'documents';
}

const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
const queries = new Queries(db);
// What every search reads (the entities' spellings), computed before the first one.
queries.warm('search');

parentPort!.on('message', (job: SearchJob) => {
  try {
    parentPort!.postMessage({ id: job.id, result: queries.search(job.q, job.page, job.scope) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: (err as Error).message });
  }
});
