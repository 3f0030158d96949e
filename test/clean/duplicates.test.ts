import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DuplicateIndex, hammingHex, NEAR_BITS, shingleSample } from '../../src/clean/duplicates.js';
import { ContainmentIndex } from '../../src/clean/containment.js';

const STORY = [
  'The council of Brenmoor voted on Thursday to close the old coal harbour by the end of next year, ending two centuries of shipping from the town.',
  'Mayor Idris Calloway said the decision had been hard but that the harbour had lost money for a decade and needed repairs the town could not pay for.',
  'Dock workers protested outside the town hall during the vote, and their union said it would ask the regional court to stop the closure.',
  'The harbour employs about two hundred people, most of them on short contracts, according to figures from the port office.',
].join('\n');
const OTHER = [
  'A late frost damaged most of the apricot blossom in the Sarn valley this week, growers said, and prices are expected to rise sharply in the summer.',
  'The growers association asked the agriculture ministry for emergency help and said some family farms might not survive another poor year.',
  'Forecasters said the cold spell would end by Sunday, but warned that night temperatures would stay low into the following week.',
].join('\n');

describe('DuplicateIndex', () => {
  const idx = new DuplicateIndex();
  idx.add('d1', STORY);
  idx.add('d2', OTHER);

  it.each([
    ['the same text', STORY, { of: 'd1', exact: true }],
    ['the same text with other white space and case', STORY.toUpperCase().replace(/\n/g, '\n\n  '), { of: 'd1', exact: true }],
    ['a copy with a credit line added', `${STORY}\nThis story was first published by the Brenmoor Courier.`, { of: 'd1', exact: false }],
    ['a copy with one word changed', STORY.replace('two hundred', 'three hundred'), { of: 'd1', exact: false }],
    ['another story', OTHER.replace('Sarn', 'Tolve'), { of: 'd2', exact: false }],
    ['an unrelated story', 'The museum of Altrow reopened its east wing on Saturday after a two-year restoration of the painted ceiling, and visitors queued around the square to see the work that volunteers and craftsmen had done over many months.', null],
  ])('%s', (_name, text, expected) => {
    expect(idx.find(text)).toEqual(expected);
  });

  it('re-fills from stored signatures', () => {
    const again = new DuplicateIndex();
    again.addSignature('d1', idx.signature(STORY), idx.hash(STORY));
    expect(again.find(STORY)).toEqual({ of: 'd1', exact: true });
    expect(again.find(STORY.replace('two hundred', 'three hundred'))).toEqual({ of: 'd1', exact: false });
  });

  it('keeps different stories far apart', () => {
    expect(hammingHex(idx.signature(STORY), idx.signature(OTHER))).toBeGreaterThan(NEAR_BITS * 2);
  });
});

describe('DuplicateIndex near-copy lookup by band', () => {
  // Signatures written bit by bit (bit 0 the highest): the bands are 10, 9, 9, 9, 9, 9, 9 bits
  // wide, so bits 0, 10, 19, 28, 37 and 46 fall in six different bands, the fourth straddling
  // the two 32-bit halves, and the band from bit 55 on stays equal.
  const sig = (bits: number[]): string => {
    let v = 0n;
    for (const b of bits) v |= 1n << BigInt(63 - b);
    return v.toString(16).padStart(16, '0');
  };
  const base = sig([]);

  it.each([
    ['six bits apart, one band equal', [0, 10, 19, 28, 37, 46], { of: 'd0', exact: false }],
    ['six bits apart inside the straddling band', [28, 29, 30, 31, 32, 33], { of: 'd0', exact: false }],
    ['seven bits apart', [0, 10, 19, 28, 37, 46, 55], null],
  ])('%s', (_name, bits, expected) => {
    const idx = new DuplicateIndex();
    idx.addSignature('d0', base, 'h0');
    expect(hammingHex(base, sig(bits))).toBe(bits.length);
    expect(idx.findSignature(sig(bits), 'h1')).toEqual(expected);
  });
});

describe('DuplicateIndex near-copy lookup against a scan of every document', () => {
  // Signatures near each other (a few bits flipped from a few bases), so that bands are shared,
  // and halves with the top bit set (stored as negative 32-bit numbers).
  const flip = (base: bigint, bits: number[]): string => bits.reduce((v, b) => v ^ (1n << BigInt(b)), base).toString(16).padStart(16, '0');
  const bases = [0n, 0xffffffffffffffffn, 0x8000000180000001n, 0x0123456789abcdefn];
  const signature = fc.record({ base: fc.constantFrom(...bases), bits: fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 9 }) }).map(({ base, bits }) => flip(base, bits));
  /** The nearest within NEAR_BITS; among equals, the first found band by band, then in the order added. */
  const scanned = (added: string[], sig: string): string | null => {
    let best: { of: string; d: number } | null = null;
    for (let band = 0; band < 7; band++) {
      added.forEach((other, i) => {
        const d = hammingHex(sig, other);
        if (bandOf(sig, band) === bandOf(other, band) && d <= NEAR_BITS && (!best || d < best.d)) best = { of: `d${i}`, d };
      });
    }
    return best === null ? null : (best as { of: string }).of;
  };
  const WIDTHS = [10, 9, 9, 9, 9, 9, 9];
  const bandOf = (sig: string, band: number): bigint => {
    const at = WIDTHS.slice(0, band).reduce((a, b) => a + b, 0);
    return (BigInt(`0x${sig}`) >> BigInt(64 - at - WIDTHS[band]!)) & ((1n << BigInt(WIDTHS[band]!)) - 1n);
  };

  it('names the same document (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(signature, { maxLength: 40 }), signature, (added, sig) => {
        const idx = new DuplicateIndex();
        added.forEach((other, i) => idx.addSignature(`d${i}`, other, `h${i}`));
        expect(idx.findSignature(sig, 'query')?.of ?? null).toBe(scanned(added, sig));
      }),
      { numRuns: 500 },
    );
  });
});

describe('DuplicateIndex containment (copies cut short, re-headlined, with clutter)', () => {
  // An invented wire story of six paragraphs, long enough for a containment verdict.
  const WIRE = [
    'Ardent Foods said on Monday it had agreed to buy the dairy cooperative of the Lind valley for an undisclosed sum, ending a year of talks that twice broke down over the price of milk paid to farmers.',
    'The cooperative, which has about four hundred member farms, will keep its name and its creamery in the town of Varro for at least five years, the two sides said in a joint statement.',
    'Farmers voted in favour of the sale at a meeting on Saturday evening, with seventy per cent backing the offer after the company promised to match the current milk price until the end of next spring.',
    'Union officials at the creamery said they had not been consulted and would ask for guarantees on jobs and on the night shift, which the company has said it wants to review within its first year.',
    'Analysts at Brix Capital said the purchase would make Ardent the largest buyer of milk in the north of the country, and that regulators were likely to look closely at its effect on prices in local shops.',
    'The company expects the deal to close in the autumn once the competition authority has given its approval, a spokeswoman said, adding that no decision had yet been made about the cooperative brand.',
  ];
  const ORIGINAL = WIRE.join('\n');
  const idx = new DuplicateIndex();
  idx.add('wire', ORIGINAL);
  idx.add('other', OTHER);

  it.each([
    ['the last paragraph cut', WIRE.slice(0, -1).join('\n')],
    ['the last two paragraphs cut', WIRE.slice(0, -2).join('\n')],
    ['another headline and a byline', ['Dairy deal sealed in the valley', 'By a staff writer', ...WIRE].join('\n')],
    ['clutter around the text', ['Share this article', 'Advertisement', ...WIRE.slice(0, 3), 'Read more: the best cheeses of the north', ...WIRE.slice(3), 'Sign up for our newsletter to get the news every morning.'].join('\n')],
  ])('finds a copy with %s', (_name, text) => {
    expect(idx.find(text)).toEqual({ of: 'wire', exact: false });
  });

  it('finds the original when the cut copy came first', () => {
    const first = new DuplicateIndex();
    first.add('cut', WIRE.slice(0, -1).join('\n'));
    expect(first.find(ORIGINAL)).toEqual({ of: 'cut', exact: false });
  });

  it.each([
    ['one paragraph quoted in another story', [WIRE[0]!, ...OTHER.split('\n'), 'The valley story is covered elsewhere in this edition.'].join('\n')],
    ['a short excerpt of it', WIRE.slice(0, 2).join('\n')],
    ['another story', OTHER],
  ])('does not take %s for a copy', (_name, text) => {
    expect(idx.find(text)?.of).not.toBe('wire');
  });

  it('re-fills from stored samples', () => {
    const again = new DuplicateIndex();
    again.addSignature('wire', idx.signature(ORIGINAL), idx.hash(ORIGINAL), shingleSample(ORIGINAL));
    expect(again.find(WIRE.slice(0, -1).join('\n'))).toEqual({ of: 'wire', exact: false });
  });
});

/**
 * The containment look-up reads the smallest buckets first and drops candidates that can no
 * longer qualify; it must name the same original as reading every bucket: the largest share of
 * the shorter text's samples, at least CONTAINED, of a comparable length, the first found
 * (by the query's first shared sample, then the order added) among equals. Texts made of a few
 * recurring sentences share most shingles, as wire copy and boilerplate do.
 */
describe('DuplicateIndex containment on texts that share most of their phrases', () => {
  const sentences = Array.from({ length: 24 }, (_, i) => `The ${['port', 'mill', 'board', 'union'][i % 4]} of town ${i % 7} said on day ${i % 5} that the plan for ${['ships', 'coal', 'wages', 'rails'][i % 3]} number ${i} would go ahead as agreed.`);
  let seed = 7;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const texts: string[] = [];
  for (let d = 0; d < 160; d++) {
    if (d > 10 && next(4) === 0) {
      // A copy of an earlier text, cut short or with a line of its own.
      const of = texts[next(texts.length)]!.split('\n');
      texts.push([...of.slice(0, of.length - next(3)), ...(next(2) ? [`A line of its own, number ${d}, closes this copy of the story.`] : [])].join('\n'));
    } else texts.push(Array.from({ length: 6 + next(10) }, () => sentences[next(sentences.length)]!).join('\n'));
  }
  const samplesOfText = (t: string): number[] => (shingleSample(t) ? shingleSample(t).split(' ').map((x) => parseInt(x, 36)) : []);
  /** Every bucket read, as the rule says. */
  function reference(indexed: number[][], query: number[]): number | null {
    if (query.length < 8) return null;
    let best: { of: number; c: number; first: number } | null = null;
    indexed.forEach((theirs, of) => {
      if (theirs.length < 8) return;
      const set = new Set(theirs);
      const at = query.map((x, i) => (set.has(x) ? i : -1)).filter((i) => i >= 0);
      const small = Math.min(theirs.length, query.length);
      if (small / Math.max(theirs.length, query.length) < 0.5) return;
      const c = at.length / small;
      if (c < 0.8 || at.length === 0) return;
      if (!best || c > best.c || (c === best.c && at[0]! < best.first)) best = { of, c, first: at[0]! };
    });
    return best === null ? null : (best as { of: number }).of;
  }

  it('names the same original as reading every bucket', () => {
    const idx = new ContainmentIndex();
    const indexed: number[][] = [];
    let copies = 0;
    texts.forEach((t, d) => {
      const query = samplesOfText(t);
      const found = idx.containing(query);
      const expected = reference(indexed, query);
      expect(found, `text ${d}`).toBe(expected === null ? null : `t${expected}`);
      if (found) copies++;
      idx.add(`t${d}`, query);
      indexed.push(query);
    });
    expect(copies).toBeGreaterThan(20);
  });

  // Samples drawn from a few dozen values, so that buckets overlap and many candidates tie:
  // every look-up of a growing index against the reference.
  const sampleSet = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 30 }).map((xs) => xs.sort((a, b) => a - b));
  it('names the same original as reading every bucket on random sample sets (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(sampleSet, { minLength: 1, maxLength: 40 }), (sets) => {
        const idx = new ContainmentIndex();
        sets.forEach((query, d) => {
          const expected = reference(sets.slice(0, d), query);
          expect(idx.containing(query)).toBe(expected === null ? null : `t${expected}`);
          idx.add(`t${d}`, query);
        });
      }),
      { numRuns: 500 },
    );
  });
});
