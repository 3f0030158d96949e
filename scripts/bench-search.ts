/**
 * npm run bench:search [-- --n 2000] [--conns 50] [--seconds 10] [--keep: build the store, print its path, stop]
 * Search under load (scripts/bench/search-load.ts): `conns` connections send searches of
 * repeated words for `seconds` while one more asks /api/stats in a loop. A benchmark, not a
 * test. Last line:
 *   bench:search: N searches (p50 X ms, p99 Y ms) · stats p50 X ms, p99 Y ms, max Z ms · server peak RSS S MB (load generator L MB)
 */
import { searchStore, searchUnderLoad, percentile as pct } from './bench/search-load.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string): number => Number(args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const n = opt('--n', '2000');

if (args.includes('--keep')) {
  const { file, store } = searchStore(n);
  store.close();
  console.log(file);
} else {
  const t = await searchUnderLoad({ n, conns: opt('--conns', '50'), seconds: opt('--seconds', '10') });
  const f = (x: number): string => x.toFixed(1);
  console.log(`bench:search: ${t.searches.length} searches (p50 ${f(pct(t.searches, 50))} ms, p99 ${f(pct(t.searches, 99))} ms) · stats p50 ${f(pct(t.stats, 50))} ms, p99 ${f(pct(t.stats, 99))} ms, max ${f(Math.max(...t.stats))} ms · server peak RSS ${t.serverMb.toFixed(0)} MB (load generator ${t.loadMb.toFixed(0)} MB)`);
}
