/**
 * npm run bench:store -- FILE [--index]
 * What each table and index of a SQLite store costs (SQLite's dbstat), per article, largest
 * first; `--index` builds the search index first, as the first `serve` does (it writes to the
 * store: give it a copy). A benchmark, not a test. Last line:
 *   store: N articles · X KB an article (file Y KB)
 */
import Database from 'better-sqlite3';
import { ensureSearch } from '../src/store/queries.js';
import { registerDocText } from '../src/store/packed.js';

const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: npm run bench:store -- FILE [--index]');
const db = new Database(file, { readonly: !process.argv.includes('--index'), fileMustExist: true });
registerDocText(db);
if (process.argv.includes('--index')) ensureSearch(db);
const n = db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
const kb = (bytes: number): string => (bytes / Math.max(n, 1) / 1024).toFixed(2);
const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes, SUM(payload) AS payload FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as Array<{ name: string; bytes: number; payload: number }>;
let total = 0;
for (const r of rows) {
  total += r.bytes;
  if (r.bytes / Math.max(n, 1) >= 10) console.log(`${r.name.padEnd(34)} ${kb(r.bytes).padStart(7)} KB an article (payload ${kb(r.payload)})`);
}
const fileBytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
console.log(`store: ${n} articles · ${kb(total)} KB an article (file ${kb(fileBytes)} KB)`);
