/**
 * Main-text extraction on the trafilatura evaluation subset (../shared/benchmarks/trafilatura):
 * each page's raw bytes through buildDoc, then the repository's scoring: white space
 * normalized, each `with` snippet found = TP (else FN), each `without` snippet found = FP
 * (else TN), pooled over all pages. A crash counts as nothing found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDoc } from '../src/clean/index.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/benchmarks/trafilatura';
/** Where a snippet sits in the raw page, to tell "never extracted" from "lost in cleaning". */
const inPage = (raw: string, snippet: string): string => (norm(raw.replace(/<[^>]+>/g, ' ')).includes(norm(snippet)) ? 'in the page text' : 'not verbatim in the page');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Array<{ file: string; url: string | null; with: string[]; without: string[] }>;
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

let tp = 0, fn = 0, fp = 0, tn = 0, crashed = 0;
const t0 = performance.now();
for (const page of expected) {
  let text = '';
  let raw = '';
  try {
    const bytes = readFileSync(join(dir, 'pages', page.file));
    raw = bytes.toString('utf8');
    text = norm(buildDoc({ source: page.url ?? page.file, bytes, format: 'html' }).text);
  } catch (err) {
    crashed++;
    if (verbose) console.log(`crash    ${page.file}: ${(err as Error).message.split('\n')[0]}`);
  }
  for (const w of page.with) {
    if (text.includes(norm(w))) tp++;
    else {
      fn++;
      // A missed snippet: dropped by extraction, or not in the page's markup as written.
      if (verbose) console.log(`missed   ${page.file}: "${norm(w).slice(0, 80)}" (${text ? inPage(raw, w) : 'no text extracted'})`);
    }
  }
  for (const w of page.without) {
    if (text.includes(norm(w))) {
      fp++;
      // Boilerplate kept: show what the extracted text holds around it.
      if (verbose) {
        const at = text.indexOf(norm(w));
        console.log(`kept     ${page.file}: "${norm(w).slice(0, 80)}" (extracted text around it: "…${text.slice(Math.max(0, at - 40), at).slice(-40)}[…]${text.slice(at + norm(w).length, at + norm(w).length + 40)}…")`);
      }
    } else tn++;
  }
}
const s = (performance.now() - t0) / 1000;
const precision = tp / (tp + fp);
const recall = tp / (tp + fn);
const f1 = (2 * tp) / (2 * tp + fp + fn);
const accuracy = (tp + tn) / (tp + tn + fp + fn);
console.log(`${expected.length} pages in ${s.toFixed(1)} s, ${crashed} rejected · TP ${tp} FN ${fn} FP ${fp} TN ${tn} · accuracy ${accuracy.toFixed(3)}`);
console.log(`trafilatura: precision ${precision.toFixed(3)} · recall ${recall.toFixed(3)} · F1 ${f1.toFixed(3)}`);
