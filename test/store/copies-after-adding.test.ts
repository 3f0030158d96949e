/**
 * Copy verdicts after documents are added are found for the added ones (and the stored ones an
 * added one could change), not for the whole store: they must be the verdicts of finding every
 * copy again over all the documents in ledger order.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySignatures } from '../../src/clean/duplicates.js';
import { copiesAfterAdding, copiesInOrder, type DocKey } from '../../src/store/ledger-order.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const texts = readdirSync(examples).map((f) => readFileSync(join(examples, f), 'utf8'));

/** Articles, exact copies, copies cut short and re-headlined, and copies with a line added. */
const variants: string[] = texts.flatMap((t) => {
  const paras = t.trimEnd().split(/\n\s*\n/);
  return [t, t, `${paras.slice(1, -1).join('\n\n')}\n\nShare this story.`, `${t}\nThis story was first published by a wire service.\n`];
});

const keyOf = (i: number, source: string): DocKey => ({ id: `d${i}`, source, ...copySignatures(variants[i]!) });

describe('copy verdicts after adding documents', () => {
  it('are those of finding every copy again', () => {
    fc.assert(
      fc.property(
        // Each document: which text, under which source name (its place in ledger order), stored or added.
        fc.uniqueArray(fc.record({ text: fc.nat({ max: variants.length - 1 }), source: fc.string({ minLength: 1, maxLength: 4 }), added: fc.boolean() }), { minLength: 2, maxLength: 24, selector: (d) => d.source }),
        (docs) => {
          const keys = docs.map((d, n) => ({ ...keyOf(d.text, d.source), id: `d${n}` }));
          const stored = keys.filter((_, n) => !docs[n]!.added);
          const before = copiesInOrder(stored);
          const fresh = new Set(keys.filter((_, n) => docs[n]!.added).map((k) => k.id));
          const after = copiesAfterAdding(keys.map((k) => ({ ...k, duplicateOf: before.get(k.id) ?? null })), fresh);
          expect(after).toEqual(copiesInOrder(keys));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('find a stored document that now follows its added original', () => {
    const original = keyOf(0, 'a-original');
    const copy = { ...keyOf(1, 'b-copy'), id: 'copy' };
    const after = copiesAfterAdding([{ ...copy, duplicateOf: null }, { ...original, duplicateOf: null }], new Set([original.id]));
    expect(after.get('copy')).toBe(original.id);
    expect(after.get(original.id)).toBeNull();
  });
});
