/**
 * isRecap (src/conflicts/recap.ts) tries a branch of its pattern only on evidence holding one of
 * the branch's words. It answers as the whole pattern, every branch tried at each character,
 * answers: on any evidence, in any case, with the characters that read as ASCII letters without
 * case.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKGROUND, BACKGROUND_FLAGS, isRecap, lowered } from '../../src/conflicts/recap.js';

const whole = new RegExp(BACKGROUND.map((b) => b.pattern).join('|'), BACKGROUND_FLAGS);

/** Words and pieces of the branches, and others, to make evidence of. */
const PIECES = [
  'earlier', 'earlier this month', 'earlier in the day', 'previously', 'formerly', 'in the past', 'first', 'first floated', 'first proposing', 'on several occasions',
  'while campaigning', 'as a candidate', 'as a presidential candidate', 'during his campaign', 'during the election campaign', 'who', 'who has long opposed', 'who backs',
  'announced in', 'signed a deal last', 'in', 'last', 'March', 'May', 'May,', 'October', 'both', 'and', 'have', 'has', 'had', 'has said', 'have repeatedly vowed',
  'had made clear', 'insisted', 'said', 'told', 'Lind', 'Moor', 'the talks', 'summit', '\u2019s', '\u201cwe', 'deal.', 'Sol', 'walked away', 'opposes',
  'both Lind and Moor', 'both Dr. Lind and', 'pledged', 'vowed', 'backed', 'unveiled', 'in the', 'past', 'campaigning', 'during their campaign',
];

/** A piece as it may be written: in upper or mixed case, with a long s or the Kelvin sign for an s or a k. */
const written = (piece: string, mode: number): string => {
  switch (mode) {
    case 1:
      return piece.toUpperCase();
    case 2:
      return piece.charAt(0).toUpperCase() + piece.slice(1);
    case 3:
      return piece.replaceAll('s', '\u017f');
    case 4:
      return piece.replaceAll('k', '\u212a').replaceAll('K', '\u212a');
    default:
      return piece;
  }
};

const evidence = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 0, max: 6 }), fc.constantFrom(' ', '  ', ', ', '\n', ' \u2014 ')), { maxLength: 14 })
  .map((parts) => parts.map(([p, mode, sep]) => written(p, mode) + sep).join(''));

describe('isRecap', () => {
  it('answers as the whole pattern on evidence made of its words', () => {
    fc.assert(
      fc.property(evidence, (text) => {
        expect(isRecap(text)).toBe(whole.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  // A case of each branch, in the order of BACKGROUND, then some that are none.
  it.each([
    ['Brix, which had earlier walked away from the talks', true],
    ['Ostrava has, in the past, refused such talks', true],
    ['Lind FIRST FLOATED the plan at a rally', true],
    ['Moor has rejected it on several occasions', true],
    ['Norland opposed the takeover while campaigning', true],
    ['As a candidate, Lind promised to block it', true],
    ['During her campaign Lind vowed to stop the sale', true],
    ['Lind, who has long opposed the deal, spoke on Monday', true],
    ['Brix unveiled in May its offer for Ardent', true],
    ['In March, Lind said she would rather see a partnership', true],
    ['Both Lind and Moor have pledged to stop the merger', true],
    ['LIND HA\u017f SAID SHE WOULD VETO IT', true],
    ['Lind said on Monday the talks would go ahead', false],
    ['Earlier this month Brix walked away from the talks', false],
    ['Both sides met in May', false],
  ])('"%s" is a recap: %s', (text, recap) => {
    expect(isRecap(text)).toBe(recap);
    expect(whole.test(text)).toBe(recap);
  });

  it('loses no character that reads as an ASCII letter without case', () => {
    // Any character a branch's letter matches without case is that letter in the lowered text.
    const letter = /[a-z]/iu;
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!letter.test(ch)) continue;
      const ascii = [...'abcdefghijklmnopqrstuvwxyz'].find((l) => new RegExp(`^${l}$`, 'iu').test(ch))!;
      expect(lowered(ch), `U+${cp.toString(16)}`).toBe(ascii);
    }
  });
});
