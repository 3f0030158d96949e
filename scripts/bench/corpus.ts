/** A synthetic corpus of n articles (synthetic.ts) written to files under `dir`, as the benches read it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle, makeRng } from './synthetic.js';

export function writeCorpus(dir: string, n: number, seed: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const a = generateArticle(i, makeRng(seed * 1_000_003 + i));
    // 1,000 files a folder keeps directory listings fast at 50,000 articles.
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub);
    writeFileSync(join(sub, `${a.name}.txt`), a.text);
  }
}
