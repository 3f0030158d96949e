import { describe, it, expect } from 'vitest';
import { citation, quoteLink, shareableSource, sourceFields } from '../../src/core/source-ref.js';
import { emptyMeta } from '../../src/core/doc.js';

describe('shareableSource', () => {
  it.each([
    ['/home/editor/stories/norland/01-lease.txt', '01-lease.txt'],
    ['stories/02-lease.txt#part2', '02-lease.txt#part2'],
    ['C:\\desk\\feeds\\wire.jsonl:7', 'wire.jsonl:7'],
    ['https://news.example/norland/lease?x=1', 'https://news.example/norland/lease?x=1'],
    ['-', '-'],
  ])('%s as %s', (source, want) => {
    expect(shareableSource(source)).toBe(want);
  });
});

describe('sourceFields and citation', () => {
  it('takes the URL the input gave, else the URL it was read from, else none', () => {
    const meta = { ...emptyMeta('txt'), url: 'https://coastal.example/lease', outlet: 'Coastal Ledger', authors: ['Mara Lind'], published: { date: '2024-10-03', source: 'header' as const, raw: '2024-10-03' } };
    expect(sourceFields(meta, '/tmp/a/01.txt')).toEqual({ url: 'https://coastal.example/lease', outlet: 'Coastal Ledger', authors: ['Mara Lind'], published: '2024-10-03' });
    expect(sourceFields(emptyMeta('html'), 'https://wire.example/x').url).toBe('https://wire.example/x');
    expect(sourceFields({ ...emptyMeta('txt'), url: 'file:///etc/passwd' }, '/tmp/a/01.txt').url).toBeNull();
    expect(citation(null, '/tmp/a/01.txt')).toBe('01.txt');
  });
});

describe('quoteLink', () => {
  it('adds the quote as a text fragment, encoded, reserved characters escaped', () => {
    expect(quoteLink('https://n.example/a', 'a “long-awaited” deal, & more')).toBe('https://n.example/a#:~:text=a%20%E2%80%9Clong%2Dawaited%E2%80%9D%20deal%2C%20%26%20more');
  });

  it('cuts a long quote to its first and last words, and replaces an existing fragment', () => {
    const quote = 'one two three four five six seven eight nine ten eleven twelve';
    expect(quoteLink('https://n.example/a#top', quote)).toBe('https://n.example/a#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve');
  });

  it('gives the article itself for an empty quote', () => {
    expect(quoteLink('https://n.example/a', '  ')).toBe('https://n.example/a');
  });
});
