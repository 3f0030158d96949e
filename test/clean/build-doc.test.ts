import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildDoc } from '../../src/clean/index.js';
import { readInputs, type InputItem } from '../../src/ingest/index.js';
import { InputError } from '../../src/core/message.js';
import { rawOffset } from '../../src/core/doc.js';

const FX = 'test/fixtures/ingest';
const file = (name: string, format: string): InputItem => ({ source: `${FX}/${name}`, bytes: readFileSync(`${FX}/${name}`), format });

async function first(path: string): Promise<InputItem> {
  for await (const x of readInputs([path])) if (!(x instanceof InputError)) return x;
  throw new Error('no item');
}

describe('buildDoc: formats', () => {
  it('plain text: title, byline, date candidates, clutter gone, id from the raw hash', () => {
    const d = buildDoc(file('article.txt', 'txt'));
    expect(d.meta.title).toBe('Harbour Deal Hangs by a Thread as Talks Stall');
    expect(d.meta.authors).toEqual(['Mira Castellan']);
    expect(d.meta.dateCandidates).toEqual([{ raw: 'March 3, 2031', source: 'header' }]);
    expect(d.meta.published).toBeNull();
    expect(d.text.split('\n')).toEqual([
      'The port authority of Velmora said on Monday that talks with the shipping union had stalled.',
      '"We are not walking away," union leader Tomas Greel told reporters outside the hall.',
      'The authority had hoped to sign a deal before the spring season, officials said.',
    ]);
    expect(d.id).toBe(`d${d.rawHash.slice(0, 16)}`);
    const raw = readFileSync(`${FX}/article.txt`, 'utf8');
    let at = 0;
    for (const para of d.text.split('\n')) {
      expect(raw.slice(rawOffset(d, at), rawOffset(d, at + para.length - 1) + 1)).toBe(para);
      at += para.length + 1;
    }
  });

  it('plain text: a dropped caption still gives the story its year', () => {
    const text = ['Port talks stall', '', 'Dock cranes at dusk on May 2, 2023. (Ines Varga/Tidewire)', '', 'The harbour authority said on June 4 that the lease talks had stalled for good.', 'Both sides blamed each other for the delay in the negotiations.'].join('\n');
    const doc = buildDoc({ source: 'caption.txt', bytes: Buffer.from(text), format: 'txt' });
    expect(doc.text).not.toContain('Tidewire');
    expect(doc.meta.contextDates).toEqual(['Dock cranes at dusk on May 2, 2023. (Ines Varga/Tidewire)']);
  });

  it('markdown: syntax stripped, title from the heading', () => {
    const d = buildDoc(file('article.md', 'md'));
    expect(d.meta.title).toBe('Velmora council delays vote on tram line');
    expect(d.meta.authors).toEqual(['Ilse Dorn']);
    expect(d.text).toContain('The city council of Velmora postponed its vote on the new tram line until April.');
    expect(d.text).toContain('Councillor Ruth Amsel said the budget was "not ready".');
    expect(d.text).not.toMatch(/[*[\]#!]/);
  });

  it('HTML: article paragraphs one a line, metadata from meta, JSON-LD, time and canonical', () => {
    const d = buildDoc(file('page.html', 'html'));
    expect(d.meta).toMatchObject({ title: 'Ferry strike ends after nine days', outlet: 'Harbour Times', authors: ['Piet Landau'], url: 'https://harbour.example/ferry-strike-ends', language: 'en' });
    expect(d.meta.dateCandidates).toEqual(expect.arrayContaining([
      expect.objectContaining({ raw: '2031-05-02T08:00:00Z', source: 'opengraph' }),
      expect.objectContaining({ raw: '2031-05-02', source: 'jsonld', rule: 'jsonld/datePublished' }),
      expect.objectContaining({ raw: '2031-05-02', source: 'time-element' }),
    ]));
    const paras = d.text.split('\n');
    expect(paras).toContain('The ferry crews of the northern islands returned to work on Friday after nine days on strike, the operator said.');
    expect(paras).toContain('The operator confirmed that the first morning sailings left on time & that no routes were cancelled on Friday.');
    expect(d.text).not.toMatch(/<|Home|All rights reserved/);
    // A paragraph that is verbatim in the HTML maps back to it.
    const html = readFileSync(`${FX}/page.html`, 'utf8');
    const p = paras.find((x) => x.startsWith('The ferry crews'))!;
    const at = d.text.indexOf(p);
    expect(html.slice(rawOffset(d, at), rawOffset(d, at + p.length - 1) + 1)).toBe(p);
  });

  it.each([
    ['records.jsonl', { title: 'Mill reopens', outlet: 'Ternby Post', authors: ['Lea Kross'], url: 'https://news.example/a' }, 'The old mill in Ternby reopened'],
    ['records.json', { title: 'School vote', outlet: null }, 'Parents in Ostrava Minor voted'],
    ['feed.rss', { title: 'Orchard fire contained', outlet: 'Valley Gazette', authors: ['Jon Auer'] }, 'Firefighters contained the orchard fire'],
    ['feed.atom', { title: 'Lighthouse sold', outlet: 'Coast Wire', authors: ['Gil Morrow'] }, 'The disused lighthouse at Cape Orla'],
  ])('record from %s', async (name, meta, start) => {
    const d = buildDoc(await first(`${FX}/${name}`));
    expect(d.meta).toMatchObject(meta);
    expect(d.text.startsWith(start)).toBe(true);
    expect(d.meta.dateCandidates[0]?.source ?? 'metadata').toBe('metadata');
  });
});

describe('buildDoc: bad input', () => {
  it.each([
    ['binary.bin', 'ingest/binary'],
    ['empty.txt', 'ingest/empty'],
  ])('%s is rejected with %s', (name, rule) => {
    expect(() => buildDoc(file(name, 'txt'))).toThrow(InputError);
    try {
      buildDoc(file(name, 'txt'));
    } catch (e) {
      expect((e as InputError).ruleId).toBe(rule);
    }
  });

  it.each([
    ['latin1.txt', 'The café on the square reopened on Monday, its owner said, and the naïve mural stayed.', /decoded as/],
    ['bad-utf8.txt', 'The café reopened on Monday \uFFFD and the owner’s dog stayed, the owner said.', /invalid UTF-8/],
  ])('%s is decoded with a warning', (name, text, warning) => {
    const d = buildDoc(file(name, 'txt'));
    expect(d.text).toBe(text);
    expect(d.messages.map((m) => m.reason).join(' ')).toMatch(warning);
  });

  it('decodes UTF-16 with a BOM', () => {
    expect(buildDoc(file('utf16.txt', 'txt')).text).toBe('The dam held after the storm, engineers said on Friday.');
  });

  it('reads broken HTML without crashing', () => {
    expect(buildDoc(file('broken.html', 'html')).text).toContain('The pier was repaired on Tuesday, the harbour office said.');
  });

  it('language is null for a short text', () => {
    expect(buildDoc({ source: 's.txt', bytes: Buffer.from('Short note, said he.'), format: 'txt' }).meta.language).toBeNull();
  });

  it('random bytes and random HTML never throw anything but InputError', () => {
    const onlyInputError = (item: InputItem): boolean => {
      try {
        buildDoc(item);
        return true;
      } catch (e) {
        return e instanceof InputError;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('txt', 'md', 'html', 'unknown'), (b, f) => onlyInputError({ source: 'r', bytes: Buffer.from(b), format: f })), { numRuns: 300 });
    const tag = fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<script>', '</script>', '<!--', '-->', '<meta property="og:title" content="x">', '<time datetime="">', '<script type="application/ld+json">{"@type":', '&amp;', '<br/>', '<html>', '<body>', '<', '>', '"');
    const html = fc.array(fc.oneof(tag, fc.string({ maxLength: 20 })), { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(fc.property(html, (h) => onlyInputError({ source: 'h', bytes: Buffer.from(h), format: 'html' })), { numRuns: 300 });
  });
});
