import { describe, it, expect } from 'vitest';
import { findQuotes } from '../../src/text/quotes.js';

const inner = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findQuotes', () => {
  it.each([
    ['She said “the pier is closed” today.', ['the pier is closed']],
    ['He said "we will sign" and left.', ['we will sign']],
    ['«Nous signerons», a-t-il dit.', ['Nous signerons']],
    ["Headline: Mayor calls plan 'a total failure' in Brill", ['a total failure']],
    ["''It is over,'' said the coach.", ['It is over,']],
    ['The harbour’s owners said nothing.', []],
    ['He used ‘fair value’ twice.', ['fair value']],
    ['”The fees are too high.” ― Ada Vell', ['The fees are too high.']],
  ])('%s', (text, expected) => {
    expect(inner(text)).toEqual(expected);
  });

  it('runs an open quote to the paragraph end and links the next paragraph that opens with a mark', () => {
    const text = '“The first part goes on\n“and the second part ends here,” she said.';
    const qs = findQuotes(text);
    expect(qs).toHaveLength(2);
    expect(qs[0]!.closed).toBe(false);
    expect(qs[1]!.continues).toBe(0);
  });
});
