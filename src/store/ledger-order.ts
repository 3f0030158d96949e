/**
 * The order the ledger reads the stored documents in, and which document each one copies.
 * Both are functions of the stored documents alone, never of when or in which batch or
 * process each was added: the corpus stages are order-sensitive (an event takes shape from
 * the first mentions it meets, a copy points at the first copy seen), so reading in arrival
 * order made the same documents give different ledgers analysed at once or in halves.
 */
import { DuplicateIndex, samplesOf } from '../clean/duplicates.js';

export interface DocKey {
  id: string;
  source: string;
  simhash: string;
  textHash: string;
  /** The containment sample (clean/duplicates.ts shingleSample). */
  shingles: string;
}

/**
 * By source, then id (the raw input's hash). A folder is read in sorted path order, so a
 * store filled by one run over one folder reads as it did in arrival order. Code-unit
 * comparison, as the folder walk sorts, not SQLite's byte order.
 */
export function compareDocKeys(a: Pick<DocKey, 'id' | 'source'>, b: Pick<DocKey, 'id' | 'source'>): number {
  if (a.source !== b.source) {
    // The parts of one long input ("FILE#part2", "FILE#part10", src/ingest/split.ts) in their order.
    const pa = PART.exec(a.source);
    const pb = PART.exec(b.source);
    if (pa && pb && pa[1] === pb[1]) return Number(pa[2]) - Number(pb[2]);
    return a.source < b.source ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
const PART = /^(.*)#part(\d+)$/;

/** Each document's original when it copies an earlier one in ledger order, else null. */
export function copiesInOrder(keys: readonly DocKey[]): Map<string, string | null> {
  const index = new DuplicateIndex();
  const out = new Map<string, string | null>();
  for (const k of [...keys].sort(compareDocKeys)) {
    const dup = index.findSignature(k.simhash, k.textHash, k.shingles);
    out.set(k.id, dup && dup.of !== k.id ? dup.of : null);
    index.addSignature(k.id, k.simhash, k.textHash, k.shingles);
  }
  return out;
}

/**
 * The same verdicts after documents were added (`fresh`, their ids), from the stored ones of
 * the documents already there (`duplicateOf`): work in the added documents, not in the store.
 * A document's verdict is a function of the documents before it in ledger order, and only
 * those that are candidates for it (same hash, near signature, shared shingles) can change it;
 * so a stored document is looked up again only when an added one before it is a candidate, or
 * crowds a shingle bucket it shares past the size the look-up skips. The others keep theirs.
 * Every document is still indexed (cheap); the look-ups, which are not, are the added ones'.
 */
export function copiesAfterAdding(keys: ReadonlyArray<DocKey & { duplicateOf: string | null }>, fresh: ReadonlySet<string>): Map<string, string | null> {
  const index = new DuplicateIndex();
  // The added documents seen so far, alone, and how many of them hold each shingle.
  const added = new DuplicateIndex();
  let anyAdded = false;
  const addedBySample = new Map<number, number>();
  const out = new Map<string, string | null>();
  for (const k of [...keys].sort(compareDocKeys)) {
    const isFresh = fresh.has(k.id);
    const again = isFresh || (anyAdded && (added.findSignature(k.simhash, k.textHash, k.shingles) !== null || index.crowdedBy(k.shingles, addedBySample)));
    if (again) {
      const dup = index.findSignature(k.simhash, k.textHash, k.shingles);
      out.set(k.id, dup && dup.of !== k.id ? dup.of : null);
    } else out.set(k.id, k.duplicateOf);
    index.addSignature(k.id, k.simhash, k.textHash, k.shingles);
    if (!isFresh) continue;
    anyAdded = true;
    added.addSignature(k.id, k.simhash, k.textHash, k.shingles);
    for (const x of samplesOf(k.shingles)) addedBySample.set(x, (addedBySample.get(x) ?? 0) + 1);
  }
  return out;
}
