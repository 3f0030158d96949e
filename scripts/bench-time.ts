/**
 * TempEval-3 platinum (../shared/benchmarks/tempeval3): run findTimexes on each document with
 * its creation date as reference and score as the issue asks. A found expression counts for
 * extraction when its span overlaps a gold one of the same type, and for value F1 when its
 * value also equals the gold value (precision over what we found, recall over the gold).
 * `npx tsx scripts/bench-time.ts [--verbose]`
 */
import { readFileSync } from 'node:fs';
import { findTimexes } from '../src/time/index.js';
import type { TimexType } from '../src/core/types.js';

interface Gold { start: number; end: number; text: string; type: TimexType; value: string }
interface GoldDoc { docid: string; dct: string; text: string; timexes: Gold[] }

const verbose = process.argv.includes('--verbose');
const docs = JSON.parse(readFileSync(new URL('../../shared/benchmarks/tempeval3/platinum.json', import.meta.url), 'utf8')) as GoldDoc[];
const TYPES: TimexType[] = ['DATE', 'TIME', 'DURATION', 'SET'];

type Counts = { found: number; gold: number; extP: number; extR: number; valP: number; valR: number };
const zero = (): Counts => ({ found: 0, gold: 0, extP: 0, extR: 0, valP: 0, valR: 0 });
const by = new Map<TimexType | 'all', Counts>([['all', zero()], ...TYPES.map((t) => [t, zero()] as [TimexType, Counts])]);
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

let ms = 0;
for (const doc of docs) {
  const t0 = performance.now();
  const found = findTimexes(doc.text, doc.dct);
  ms += performance.now() - t0;
  const sys = found.map((t) => ({ start: t.span.start, end: t.span.end, type: t.type, value: t.value, text: doc.text.slice(t.span.start, t.span.end) }));
  for (const s of sys) {
    const typed = doc.timexes.filter((g) => g.type === s.type && overlap(g, s));
    for (const key of ['all', s.type] as const) {
      const c = by.get(key)!;
      c.found++;
      if (typed.length) c.extP++;
      if (typed.some((g) => g.value === s.value)) c.valP++;
    }
    if (verbose && !doc.timexes.some((g) => overlap(g, s))) console.log(`extra  ${doc.docid}  ${JSON.stringify(s.text)} ${s.type} ${s.value}`);
  }
  for (const g of doc.timexes) {
    const typed = sys.filter((s) => s.type === g.type && overlap(g, s));
    for (const key of ['all', g.type] as const) {
      const c = by.get(key)!;
      c.gold++;
      if (typed.length) c.extR++;
      if (typed.some((s) => s.value === g.value)) c.valR++;
    }
    if (verbose && !typed.some((s) => s.value === g.value)) {
      const any = sys.filter((s) => overlap(g, s)).map((s) => `${JSON.stringify(s.text)} ${s.type} ${s.value}`).join('; ');
      console.log(`miss   ${doc.docid}  ${JSON.stringify(g.text)} ${g.type} ${g.value}  (dct ${doc.dct})${any ? `  got ${any}` : ''}`);
    }
  }
}

const f1 = (p: number, np: number, r: number, nr: number): number => {
  const P = np ? p / np : 0, R = nr ? r / nr : 0;
  return P + R ? (2 * P * R) / (P + R) : 0;
};
const fmt = (x: number): string => x.toFixed(2);
const line = (k: TimexType | 'all'): { ext: number; val: number; c: Counts } => {
  const c = by.get(k)!;
  return { ext: f1(c.extP, c.found, c.extR, c.gold), val: f1(c.valP, c.found, c.valR, c.gold), c };
};
for (const k of ['TIME', 'DURATION', 'SET'] as const) {
  const { ext, val, c } = line(k);
  console.log(`${k}: extraction F1 ${fmt(ext)} · value F1 ${fmt(val)} (found ${c.found}, gold ${c.gold})`);
}
const d = line('DATE');
const all = line('all');
console.log(`DATE: found ${d.c.found}, gold ${d.c.gold}; all types: found ${all.c.found}, gold ${all.c.gold}, all-types extraction F1 ${fmt(all.ext)}; ${(ms / docs.length).toFixed(2)} ms/doc`);
console.log(`tempeval3: DATE extraction F1 ${fmt(d.ext)} · DATE value F1 ${fmt(d.val)} · all-types value F1 ${fmt(all.val)}`);
