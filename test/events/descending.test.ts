/**
 * DescendingNumbers holds what a sorted Array holds: numbers put in and taken out in any order
 * (repeats, -Infinity, more than its first capacity) read back largest first.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DescendingNumbers } from '../../src/events/clustering/descending.js';

const step = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), n: fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constant(-Infinity)) }),
  fc.record({ op: fc.constant('remove' as const), n: fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constant(-Infinity)) }),
);

describe('DescendingNumbers', () => {
  it.each([
    { steps: [], held: [] },
    { steps: [3, 1, 2], held: [3, 2, 1] },
    { steps: [-Infinity, 5, -2], held: [5, -2, -Infinity] },
    { steps: [2, 2, 7], held: [7, 2, 2] },
  ])('keeps $steps as $held', ({ steps, held }) => {
    const list = new DescendingNumbers();
    for (const n of steps) list.insert(n);
    expect([...list]).toEqual(held);
    expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(held);
  });

  it('takes out one of a number, and nothing of a number it does not hold', () => {
    const list = new DescendingNumbers();
    for (const n of [4, 4, 1]) list.insert(n);
    list.remove(4);
    list.remove(9);
    expect([...list]).toEqual([4, 1]);
  });

  it('equals a sorted Array under any inserts and removes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const list = new DescendingNumbers();
        const expected: number[] = [];
        for (const { op, n } of steps) {
          if (op === 'insert') {
            list.insert(n);
            expected.push(n);
          } else {
            list.remove(n);
            const at = expected.indexOf(n);
            if (at >= 0) expected.splice(at, 1);
          }
          expected.sort((a, b) => b - a);
          expect([...list]).toEqual(expected);
        }
      }),
    );
  });
});
