/**
 * A worker thread running one of walkback's own modules. Built (dist/), the module is plain
 * JavaScript. Run from the TypeScript sources (tsx, vitest) it is a .ts file, and a small entry
 * registers tsx's loader in the thread first: Node 20 does not pass --import hooks on to workers.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/** Start the module `name` (a path without extension, relative to `base`: the caller's import.meta.url). */
export function moduleThread(base: string, name: string, opts: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`${name}.js`, base), opts);
  const tsx = dirname(createRequire(base).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsx, 'dist/esm/api/index.mjs')).href;
  const module = new URL(`${name}.ts`, base).href;
  return new Worker(`import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(module)}); })`, { ...opts, eval: true });
}
