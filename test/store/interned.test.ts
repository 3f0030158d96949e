/** StringPool keeps what it is given: the same values, arrays and objects, whatever they nest. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { StringPool } from '../../src/store/interned.js';

describe('store: StringPool', () => {
  it('returns values equal to the ones given, in the same objects', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), (values) => {
        const pool = new StringPool();
        const copies = structuredClone(values);
        const interned = values.map((v) => pool.intern(v));
        expect(interned).toEqual(copies);
        values.forEach((v, i) => {
          if (v !== null && typeof v === 'object') expect(interned[i]).toBe(v);
        });
      }),
    );
  });
});
