import { describe, it, expect } from 'vitest';
import { drain, drainInSlices } from '../../src/core/steps.js';

/** Steps that each take about `ms` of the thread, then return how many there were. */
function* busy(steps: number, ms: number): Generator<void, number> {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield;
  }
  return steps;
}

describe('steps', () => {
  it('drain runs every step and returns the result', () => {
    expect(drain(busy(5, 0))).toBe(5);
  });

  it('drainInSlices returns the same result, letting the event loop run between slices', async () => {
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    try {
      // 40 steps of 2 ms in slices of 10 ms: the loop gets a turn about every 5 steps.
      expect(await drainInSlices(busy(40, 2), 10)).toBe(40);
    } finally {
      clearInterval(tick);
    }
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('drain runs every step without a turn of the event loop', () => {
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    drain(busy(40, 2));
    clearInterval(tick);
    expect(turns).toBe(0);
  });
});
