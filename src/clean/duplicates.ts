/**
 * Copies of one article (a wire story run by many outlets, the same page read twice):
 * exact copies by a hash of the normalized text, near copies by SimHash over word
 * 3-shingles (64 bits; near when at most NEAR_BITS bits differ), and copies cut short or
 * carrying another headline or clutter by containment: most of the shorter text's shingles
 * are in the longer one (a sample of them, the same for every text, is compared). Signatures
 * are strings so the store can keep them and re-fill an index with addSignature.
 */
import { createHash } from 'node:crypto';
import { ContainmentIndex, MAX_BUCKET } from './containment.js';
import { withRoom } from '../core/number-arrays.js';

/** Bits (of 64) two SimHashes may differ by and still be copies; see test/clean/duplicates.test.ts. */
export const NEAR_BITS = 6;
/** Texts shorter than this many words are too short for a near-copy verdict (exact only). */
const MIN_WORDS = 30;

export function normalizeText(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function textHash(text: string): string {
  return hashNormalized(normalizeText(text));
}

function hashNormalized(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex').slice(0, 32);
}

function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Combine three word hashes into a shingle hash (order matters), without building strings. */
function mix3(a: number, b: number, c: number, seed: number): number {
  let h = seed;
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  // murmur3's finalizer: every input bit moves every output bit, as SimHash needs.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The words of a normalized text, or null when too few for a near-copy verdict. */
function wordsOf(normalized: string): string[] | null {
  const words = normalized.split(' ').filter(Boolean);
  return words.length < MIN_WORDS ? null : words;
}

/** 64-bit SimHash of the text's word 3-shingles, as 16 hex digits ('' when too short). */
export function simhash(text: string): string {
  return simhashNormalized(normalizeText(text));
}

function simhashNormalized(normalized: string): string {
  const words = wordsOf(normalized);
  if (!words) return '';
  const hiWords = words.map((w) => fnv(w, 0x811c9dc5));
  const loWords = words.map((w) => fnv(w, 0x050c5d1f));
  const v = new Int32Array(64);
  for (let i = 0; i + 2 < words.length; i++) {
    const hi = mix3(hiWords[i]!, hiWords[i + 1]!, hiWords[i + 2]!, 0x9e3779b9);
    const lo = mix3(loWords[i]!, loWords[i + 1]!, loWords[i + 2]!, 0x85ebca6b);
    for (let b = 0; b < 32; b++) {
      v[b] += ((hi >>> b) & 1) * 2 - 1;
      v[32 + b] += ((lo >>> b) & 1) * 2 - 1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hi |= 1 << b;
    if (v[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** One shingle in SAMPLE_MOD is kept for containment: those whose hash is 0 modulo it, so two texts keep the same ones. */
const SAMPLE_MOD = 8;
/** The sampled word 3-shingles of a text, as sorted unique base-36 hashes joined by spaces ('' when too short). */
export function shingleSample(text: string): string {
  return sampleNormalized(normalizeText(text));
}

function sampleNormalized(normalized: string): string {
  const words = wordsOf(normalized);
  if (!words) return '';
  const h = words.map((w) => fnv(w, 0x2c1b3c6d));
  const kept = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++) {
    const x = mix3(h[i]!, h[i + 1]!, h[i + 2]!, 0x27d4eb2f);
    if (x % SAMPLE_MOD === 0) kept.add(x);
  }
  return [...kept].sort((a, b) => a - b).map((x) => x.toString(36)).join(' ');
}

/** A containment sample's shingles as numbers. */
export const samplesOf = (sample: string): number[] => (sample ? sample.split(' ').map((x) => parseInt(x, 36)) : []);

/** The copy signatures of a text, normalizing it once. */
export function copySignatures(text: string): { textHash: string; simhash: string; shingles: string } {
  const normalized = normalizeText(text);
  return { textHash: hashNormalized(normalized), simhash: simhashNormalized(normalized), shingles: sampleNormalized(normalized) };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A signature's 64 bits as two 32-bit halves (high first, as the hex string is written). */
interface Bits {
  hi: number;
  lo: number;
}

const bitsOf = (sig: string): Bits => ({ hi: parseInt(sig.slice(0, 8), 16) >>> 0, lo: parseInt(sig.slice(8), 16) >>> 0 });

/** Bits apart of two signatures given as halves (the look-up reads them from typed arrays, not as Bits). */
const halvesApart = (hi: number, lo: number, otherHi: number, otherLo: number): number => popcount((hi ^ otherHi) >>> 0) + popcount((lo ^ otherLo) >>> 0);

const distance = (a: Bits, b: Bits): number => halvesApart(a.hi, a.lo, b.hi, b.lo);

export function hammingHex(a: string, b: string): number {
  return distance(bitsOf(a), bitsOf(b));
}

/**
 * Band widths over the 64 signature bits. With at most NEAR_BITS (6) differing bits spread over
 * 7 bands, at least one band of a near copy is identical (pigeonhole), so looking up candidates
 * by band finds every near copy without comparing against the whole corpus.
 */
const BANDS = [10, 9, 9, 9, 9, 9, 9];

/** Bits [at, at + width) of the 64, counted from the top, as a number. */
function bitsAt({ hi, lo }: Bits, at: number, width: number): number {
  const end = at + width;
  if (end <= 32) return (hi >>> (32 - end)) & ((1 << width) - 1);
  if (at >= 32) return (lo >>> (64 - end)) & ((1 << width) - 1);
  const fromLo = end - 32;
  return (((hi << fromLo) | (lo >>> (32 - fromLo))) >>> 0) & ((1 << width) - 1);
}

/** One key a band: the band's number above its bits (every band is under 2^10 wide). */
function bandKeys(bits: Bits): number[] {
  const keys: number[] = [];
  let at = 0;
  for (let i = 0; i < BANDS.length; i++) {
    keys.push(i * 1024 + bitsAt(bits, at, BANDS[i]!));
    at += BANDS[i]!;
  }
  return keys;
}

/**
 * The documents of one band key, their signature halves side by side in typed arrays: at tens
 * of thousands of documents a look-up compares with hundreds in each of its seven bands, and
 * reading an object a document cost more than the comparison.
 */
class BandBucket {
  readonly ids: string[] = [];
  hi: Int32Array = new Int32Array(8);
  lo: Int32Array = new Int32Array(8);

  push(docId: string, bits: Bits): void {
    const n = this.ids.length;
    this.hi = withRoom(this.hi, n + 1);
    this.lo = withRoom(this.lo, n + 1);
    this.hi[n] = bits.hi;
    this.lo[n] = bits.lo;
    this.ids.push(docId);
  }
}

export class DuplicateIndex {
  private readonly byHash = new Map<string, string>();
  // Halves parsed once when added: the lookups compare a document with every one sharing a
  // band, which at tens of thousands of documents is hundreds of comparisons each.
  private readonly byBand = new Map<number, BandBucket>();
  private readonly contained = new ContainmentIndex();

  /** The near-copy signature of a text (store it with the doc to re-fill an index later). */
  signature(text: string): string {
    return simhash(text);
  }

  /** The exact-copy hash of a text. */
  hash(text: string): string {
    return textHash(text);
  }

  add(docId: string, text: string): void {
    this.addSignature(docId, this.signature(text), this.hash(text), shingleSample(text));
  }

  /** Re-fill from stored values; the first document with a hash stays the original. */
  addSignature(docId: string, sig: string, hash: string, shingles = ''): void {
    if (!this.byHash.has(hash)) this.byHash.set(hash, docId);
    this.contained.add(docId, samplesOf(shingles));
    if (!sig) return;
    const bits = bitsOf(sig);
    for (const k of bandKeys(bits)) {
      const bucket = this.byBand.get(k) ?? this.byBand.set(k, new BandBucket()).get(k)!;
      bucket.push(docId, bits);
    }
  }

  /** The earlier document this text copies, if any. */
  find(text: string): { of: string; exact: boolean } | null {
    return this.findSignature(this.signature(text), this.hash(text), shingleSample(text));
  }

  /** The same, from signatures computed once by the caller. */
  findSignature(sig: string, hash: string, shingles = ''): { of: string; exact: boolean } | null {
    const exact = this.byHash.get(hash);
    if (exact) return { of: exact, exact: true };
    const near = sig ? this.nearest(sig) : null;
    if (near) return { of: near, exact: false };
    const contains = this.contained.containing(samplesOf(shingles));
    return contains ? { of: contains, exact: false } : null;
  }

  /**
   * Whether the containment look-up of a sample could come out otherwise without some of the
   * documents indexed (`discount`: how many of them hold each shingle): a shingle it shares is
   * passed over (its bucket past MAX_BUCKET) only because of them.
   */
  crowdedBy(shingles: string, discount: ReadonlyMap<number, number>): boolean {
    for (const x of samplesOf(shingles)) {
      const d = discount.get(x) ?? 0;
      const size = this.contained.holders(x);
      if (d > 0 && size > MAX_BUCKET && size - d <= MAX_BUCKET) return true;
    }
    return false;
  }

  private nearest(sig: string): string | null {
    let best: string | null = null;
    let bestD = NEAR_BITS + 1;
    const bits = bitsOf(sig);
    for (const k of bandKeys(bits)) {
      const bucket = this.byBand.get(k);
      if (!bucket) continue;
      const { ids, hi, lo } = bucket;
      for (let i = 0; i < ids.length; i++) {
        const d = halvesApart(bits.hi, bits.lo, hi[i]!, lo[i]!);
        if (d < bestD) {
          bestD = d;
          best = ids[i]!;
        }
      }
    }
    return best;
  }
}
