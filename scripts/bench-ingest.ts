/**
 * Plain-text ingestion speed (readInputs + buildDoc) on generated articles written to a
 * temp folder: `npm run bench:ingest [-- N]`. Prints `bench:ingest: N docs · X docs/s`.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { buildDoc } from '../src/clean/index.js';
import { InputError } from '../src/core/message.js';

const N = Number(process.argv[2] ?? 1000);
const NAMES = ['Ada Morrow', 'Ivo Stern', 'Lena Quist', 'Tomas Hale', 'Rhea Vance'];
const PLACES = ['Velmora', 'Kelling', 'Ostrava Minor', 'Brenmoor', 'Lindhof'];
const VERBS = ['said', 'told reporters', 'announced', 'denied', 'confirmed'];

/** A deterministic pseudo-random article with a header and some page clutter. */
function article(i: number): string {
  let seed = i * 2654435761;
  const pick = <T>(xs: T[]): T => xs[(seed = (seed * 1103515245 + 12345) >>> 0) % xs.length]!;
  const lines = ['World', '', `Talks in ${pick(PLACES)} Stall Again Over Port Deal ${i}`, '', '4 min read', `By ${pick(NAMES)}`, `March ${1 + (i % 28)}, 2031`, ''];
  for (let p = 0; p < 12; p++) {
    lines.push(`${pick(NAMES)} ${pick(VERBS)} on Tuesday that the talks in ${pick(PLACES)} would resume "within days", adding that no date had been set for a meeting with ${pick(NAMES)}.`, '');
    if (p === 5) lines.push('Share this article', 'Dock workers at the gate. (Ana Ruiz/Coastline Press)', '');
  }
  lines.push('Read more', 'Another story about a bakery.');
  return lines.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'wb-bench-ingest-'));
try {
  for (let i = 0; i < N; i++) writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), article(i));
  const t0 = performance.now();
  let docs = 0;
  let chars = 0;
  for await (const item of readInputs([dir])) {
    if (item instanceof InputError) continue;
    chars += buildDoc(item).text.length;
    docs++;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`${(chars / docs).toFixed(0)} clean chars a doc, ${s.toFixed(2)} s`);
  console.log(`bench:ingest: ${docs} docs · ${(docs / s).toFixed(0)} docs/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
