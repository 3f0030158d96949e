import { describe, expect, it } from 'vitest';
import { generateArticle, generateCorpus, makeRng, countWords } from '../../scripts/bench/synthetic.js';

const corpus = generateCorpus(200, 7);

describe('synthetic corpus', () => {
  it('is deterministic in its seed', () => {
    expect(generateCorpus(20, 7)).toEqual(corpus.slice(0, 20));
    expect(generateCorpus(20, 8)).not.toEqual(corpus.slice(0, 20));
  });

  it('gives article i the same text whatever the corpus size', () => {
    expect(generateCorpus(3, 7)[2]).toEqual(corpus[2]);
  });

  it('generateArticle depends only on the rng state', () => {
    expect(generateArticle(5, makeRng(99))).toEqual(generateArticle(5, makeRng(99)));
  });

  it('names articles uniquely as .txt files', () => {
    expect(new Set(corpus.map((a) => a.name)).size).toBe(corpus.length);
    for (const a of corpus) expect(a.name).toMatch(/^synthetic-\d{5}-[a-z-]+\.txt$/);
  });

  it.each(corpus.slice(0, 50).map((a) => [a.name, a.text] as const))('%s has 500..900 words', (_name, text) => {
    const n = countWords(text);
    expect(n).toBeGreaterThanOrEqual(500);
    expect(n).toBeLessThanOrEqual(900);
  });

  it('starts with a title line and a date line', () => {
    const dateLine = /^(Published [A-Z][a-z]+\.? \d{1,2}, \d{4}|date \d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2}, \d{4}( · \d+ min read)?|Updated \d{1,2}:\d{2} p\.m\. ET [A-Z][a-z]+\.? \d{1,2}, \d{4})$/;
    for (const a of corpus) {
      const [title, date] = a.text.split('\n');
      expect(title!.length).toBeGreaterThan(10);
      expect(date).toMatch(dateLine);
    }
  });

  it('contains direct quotes, indirect speech, relative dates and status cues', () => {
    for (const a of corpus) {
      expect(a.text).toMatch(/"[A-Z][^"]{5,}[,.]"/);
      expect(a.text).toMatch(/\b(on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last week|yesterday|earlier this week|over the weekend|two days ago)\b/);
    }
    const all = corpus.map((a) => a.text).join('\n');
    for (const cue of [' said ', ' that ', 'According to ', 'called off', 'postponed', 'not off the table', 'never finalized', 'agreed', 'within two weeks', 'last week', 'spokeswoman', 'who asked not to be named']) {
      expect(all).toContain(cue);
    }
  });

  it('covers every event type', () => {
    const types = new Set(corpus.map((a) => a.name.replace(/^.*-/, '').replace('.txt', '')));
    expect([...types].sort()).toEqual(['call', 'ceasefire', 'deal', 'meeting', 'sanctions', 'visit']);
  });

  it('writes "an" before a vowel', () => {
    for (const a of corpus) expect(a.text).not.toMatch(/\b[Aa] [AEIOU]/);
  });
});
