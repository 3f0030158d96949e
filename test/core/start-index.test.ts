/**
 * Offset windows answer exactly what a scan of the whole list answers, in the same order, so
 * rules that use them find what they found before, in time that does not grow with the text.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { StartIndex } from '../../src/core/start-index.js';
import { mergeCues, type CueHit } from '../../src/events/context.js';

describe('StartIndex', () => {
  it('gives the items of a window in their original order, as a filter would', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200)), fc.nat(220), fc.nat(60), (starts, lo, len) => {
        const items = starts.map((start, i) => ({ start, i }));
        const idx = new StartIndex(items, (x) => x.start);
        expect(idx.within(lo, lo + len)).toEqual(items.filter((x) => x.start >= lo && x.start < lo + len));
      }),
    );
  });
});

describe('mergeCues', () => {
  const entry = (id: string) => ({ id }) as unknown as CueHit['entry'];
  /** The plain version: every kept cue checked for overlap. */
  function naive(literal: CueHit[], lemma: CueHit[]): CueHit[] {
    const all = [...literal.map((h) => ({ h, lit: true })), ...lemma.map((h) => ({ h, lit: false }))];
    all.sort((a, b) => b.h.end - b.h.start - (a.h.end - a.h.start) || Number(b.lit) - Number(a.lit) || a.h.start - b.h.start);
    const kept: CueHit[] = [];
    for (const { h } of all) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
    return kept.sort((a, b) => a.start - b.start);
  }
  const cue = (tag: string) => fc.tuple(fc.nat(300), fc.integer({ min: 1, max: 25 })).map(([start, len]) => ({ start, end: start + len, entry: entry(`${tag}${start}`) }));

  it('keeps the same cues as checking every kept cue for overlap', () => {
    fc.assert(
      fc.property(fc.array(cue('l')), fc.array(cue('m'), { minLength: 1 }), (literal, lemma) => {
        expect(mergeCues(literal, lemma)).toEqual(naive(literal, lemma));
      }),
    );
  });
});
