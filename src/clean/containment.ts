/**
 * The containment look-up of copy verdicts: which earlier document holds most of a text's
 * sampled shingles, or most of whose samples the text holds (a copy cut short, or with another
 * headline or clutter). Documents are kept by their place in the order they were added (an
 * ordinal), each sample's bucket an Int32Array of ordinals, and a look-up's tallies in typed
 * arrays indexed by ordinal: at 10,000 templated articles a look-up tallies thousands of
 * candidates, and a Map of strings to objects a candidate cost more than the tally
 * (copy verdicts of 10,000 synthetic articles 2.6 s, 1.8 s of it here, before).
 */

import { lowerBound, withRoom } from '../core/number-arrays.js';

/** Share of the shorter text's sampled shingles that must be in the longer one for a copy; see test/clean/duplicates.test.ts. */
export const CONTAINED = 0.8;
/** Below this many sampled shingles (about 60 words) containment is not judged. */
export const MIN_SAMPLES = 8;
/** A text under this share of the other's length is an excerpt or a quote of it, not a copy. */
const MIN_LENGTH_RATIO = 0.5;
/** A sampled shingle shared by more documents than this is boilerplate ("the white house said"): it picks no candidates. */
export const MAX_BUCKET = 2000;

/** A candidate's state during one look-up. */
const NONE = 0;
const LIVE = 1;
/** Of another length, or unable to reach CONTAINED any more: never this look-up's answer. */
const OUT = 2;

/** Whether the sorted `values` hold `x`. */
function has(values: Uint32Array, x: number): boolean {
  const at = lowerBound(values, x);
  return at < values.length && values[at] === x;
}

/** The ordinals of the documents holding one sample, in the order they were added. */
class Bucket {
  n = 0;
  at: Int32Array = new Int32Array(4);

  push(ordinal: number): void {
    this.at = withRoom(this.at, this.n + 1);
    this.at[this.n++] = ordinal;
  }
}

export class ContainmentIndex {
  /** By ordinal: the document's id and its sorted samples. */
  private readonly ids: string[] = [];
  private readonly samples: Uint32Array[] = [];
  private readonly ordinals = new Map<string, number>();
  private readonly buckets = new Map<number, Bucket>();
  // A look-up's tallies by ordinal (shared samples, the query's first one, the shorter length,
  // the state), left all NONE after each look-up: no allocation a candidate.
  private shares = new Int32Array(0);
  private firsts = new Int32Array(0);
  private smalls = new Int32Array(0);
  private states = new Uint8Array(0);

  /** Index a document's samples (those of a text too short to judge, or a document already in, are left out). */
  add(docId: string, samples: readonly number[]): void {
    if (samples.length < MIN_SAMPLES || this.ordinals.has(docId)) return;
    const ordinal = this.ids.length;
    this.ids.push(docId);
    this.samples.push(Uint32Array.from(samples).sort());
    this.ordinals.set(docId, ordinal);
    for (const x of samples) {
      const bucket = this.buckets.get(x);
      if (bucket) bucket.push(ordinal);
      else this.buckets.set(x, new Bucket()).get(x)!.push(ordinal);
    }
  }

  /** How many documents hold this sample. */
  holders(sample: number): number {
    return this.buckets.get(sample)?.n ?? 0;
  }

  /**
   * The earlier document that contains most of this one or most of which this one contains, of
   * a comparable length: the one sharing the largest share of the shorter one's samples, at
   * least CONTAINED, the first found (by this text's first shared sample, then the order
   * documents were added) among equals. A bucket past MAX_BUCKET is boilerplate and counts for
   * no one.
   *
   * The buckets are read smallest first. Any document that qualifies shares at least `least` of
   * the samples (CONTAINED of the shorter text, which is at least MIN_LENGTH_RATIO of this one),
   * so once fewer are left to read no new candidate can qualify; from then on a candidate that
   * can no longer reach CONTAINED is dropped, and the large buckets (common phrases, thousands
   * of documents at scale) are only asked about the few left, not read.
   */
  containing(samples: readonly number[]): string | null {
    if (samples.length < MIN_SAMPLES) return null;
    const shared: Array<{ at: number; x: number; bucket: Bucket }> = [];
    samples.forEach((x, at) => {
      const bucket = this.buckets.get(x);
      if (bucket && bucket.n <= MAX_BUCKET) shared.push({ at, x, bucket });
    });
    const least = Math.max(1, Math.floor(CONTAINED * MIN_LENGTH_RATIO * samples.length));
    if (shared.length < least) return null;
    shared.sort((a, b) => a.bucket.n - b.bucket.n);
    const size = this.ids.length;
    this.shares = withRoom(this.shares, size);
    this.firsts = withRoom(this.firsts, size);
    this.smalls = withRoom(this.smalls, size);
    this.states = withRoom(this.states, size);
    const { shares, firsts, smalls, states } = this;
    // Every ordinal given a state, to set back to NONE; and the live candidates, in the order admitted.
    const touched: number[] = [];
    const live: number[] = [];
    /** Candidate `o` shares the query's `at`th sample. */
    const share = (o: number, at: number): void => {
      shares[o]!++;
      if (at < firsts[o]!) firsts[o] = at;
    };
    for (let i = 0; i < shared.length; i++) {
      const { at, x, bucket } = shared[i]!;
      const left = shared.length - i - 1;
      const admit = left + 1 >= least;
      if (admit || bucket.n <= live.length) {
        for (let j = 0; j < bucket.n; j++) {
          const o = bucket.at[j]!;
          const state = states[o]!;
          if (state === LIVE) {
            share(o, at);
            continue;
          }
          if (!admit || state === OUT) continue;
          touched.push(o);
          const m = this.samples[o]!.length;
          const small = Math.min(m, samples.length);
          // Of another length, or unable to reach CONTAINED with every sample left: never a copy.
          if (small / Math.max(m, samples.length) < MIN_LENGTH_RATIO || (left + 1) / small < CONTAINED) {
            states[o] = OUT;
            continue;
          }
          states[o] = LIVE;
          shares[o] = 1;
          firsts[o] = at;
          smalls[o] = small;
          live.push(o);
        }
      } else {
        for (const o of live) if (has(this.samples[o]!, x)) share(o, at);
      }
      if (!admit) {
        let kept = 0;
        for (const o of live) {
          if ((shares[o]! + left) / smalls[o]! >= CONTAINED) live[kept++] = o;
          else states[o] = OUT;
        }
        live.length = kept;
      }
    }
    let best = -1;
    let bestC = 0;
    for (const o of live) {
      const c = shares[o]! / smalls[o]!;
      if (c < CONTAINED) continue;
      // Ordinals are the order added: the first among equal shares and first samples wins.
      if (best < 0 || c > bestC || (c === bestC && (firsts[o]! < firsts[best]! || (firsts[o] === firsts[best] && o < best)))) {
        best = o;
        bestC = c;
      }
    }
    for (const o of touched) states[o] = NONE;
    return best < 0 ? null : this.ids[best]!;
  }
}
