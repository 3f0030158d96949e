/**
 * Stores of the invented articles in examples/, analysed once and copied for each test, so
 * every test starts from the machine's ledger.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { SqliteDocumentStore } from '../../src/store/sqlite/port.js';
import { tempDir } from '../helpers/tmp.js';

export const examples = join(process.cwd(), 'examples');
export const articles = readdirSync(examples).filter((f) => /\.(txt|md|html)$/.test(f)).sort();

/** A folder holding the first `n` articles of examples/. */
export function firstArticles(dir: string, n: number): string {
  const folder = join(dir, `first-${n}`);
  mkdirSync(folder, { recursive: true });
  for (const f of articles.slice(0, n)) copyFileSync(join(examples, f), join(folder, f));
  return folder;
}

/** Analyse `paths` into a new store file once; `copy()` gives a fresh store of it for each test. */
export async function analysedStore(paths: string[]): Promise<{ dir: string; copy: () => SqliteStore }> {
  const dir = tempDir();
  const file = join(dir, 'template.db');
  const store = new SqliteStore(file);
  await analyzeIntoStore(store, paths);
  store.close();
  let n = 0;
  return {
    dir,
    copy: () => {
      const to = join(dir, `copy-${++n}.db`);
      copyFileSync(file, to);
      return new SqliteStore(to);
    },
  };
}

/** A SQLite store as the port has it (what the CLI and the API hand to corrections). */
export const port = (store: SqliteStore): SqliteDocumentStore => new SqliteDocumentStore(store);
