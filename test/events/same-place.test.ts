/** One place named twice is one venue: the same words, or one name inside the other. */
import { describe, expect, it } from 'vitest';
import { samePlace } from '../../src/events/clustering/model.js';

describe('events/clustering: samePlace', () => {
  it.each<[string, string, boolean]>([
    ['Kelmar', 'kelmar', true],
    ['Lake Kelmar', 'Kelmar', true],
    ['the city of Brill', 'Brill', true],
    ['South Norland', 'North Norland', false],
    ['Kelmar', 'Brill', false],
    ['Kelmarsby', 'Kelmar', false],
  ])('%s ~ %s: %s', (a, b, want) => {
    expect(samePlace(a, b)).toBe(want);
  });
});
