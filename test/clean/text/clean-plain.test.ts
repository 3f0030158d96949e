import { describe, it, expect } from 'vitest';
import { cleanPlain } from '../../../src/clean/text/clean-plain.js';
import { rawOffset } from '../../../src/core/doc.js';

/** An invented article body: enough prose that clutter sits between real paragraphs. */
const P1 = 'The regional water board said on Tuesday that the reservoir near Kelling had fallen to a third of its capacity.';
const P2 = 'Farmers in the valley have been told to cut their use by half until the autumn rains arrive, officials said.';
const P3 = '"We have never seen it this low in March," board chair Edda Vorn told a meeting in the town hall.';
const P4 = 'The board will review the limits again at the end of the month, according to a statement.';
const body = [P1, P2, P3, P4];

function clean(lines: string[]) {
  return cleanPlain(lines.join('\n'));
}

describe('cleanPlain: clutter lines are dropped, article lines kept', () => {
  it.each([
    ['5 min read', 'clutter/read-time'],
    ['Read more', 'clutter/more-buttons'],
    ['Show more', 'clutter/more-buttons'],
    ['Listen to this article', 'clutter/listen'],
    ['Share this article', 'clutter/share-prompt'],
    ['12 Comments', 'clutter/comments'],
    ['4 hours ago 12', 'clutter/ago-counter'],
    ['ADVERTISEMENT', 'clutter/advertisement'],
    ['Farmers inspect a dry field outside Kelling. (Jo Marr/Valley Photo Agency)', 'clutter/credit-tail'],
    ['Cracked earth by the dam.Credit...Pia Lund for the Herald', 'clutter/credit-tail'],
    ['Photo: Harbour Images', 'clutter/credit-tail'],
    ['The dam at dusk, March 2. Getty Images', 'clutter/credit-tail'],
    ['The empty spillway on Monday. Sam Oake/Reuters', 'clutter/credit-tail'],
    ['The plant gates in Kelling, March 2, 2019. (Valley Wire Photo)', 'clutter/credit-tail'],
    ['(Updated: )', 'clutter/empty-stamp'],
    ['Home | World | Weather | Sport', 'clutter/nav-pipes'],
    ['For more stories from the valley please follow us on Bluesky.', 'clutter/follow-prompt'],
    ['READ MORE: Storm damage closes coastal road', 'clutter/read-also'],
  ])('%s -> %s', (line, rule) => {
    const r = clean([body[0]!, body[1]!, line, body[2]!, body[3]!]);
    expect(r.dropped.find((d) => d.text === line)?.rule).toBe(rule);
    for (const p of body) expect(r.text).toContain(p);
    expect(r.text).not.toContain(line);
  });

  it.each([
    'She said the board would meet again, and added: "Nothing is settled."',
    'Water use fell by 12 percent in February, the figures show.',
    'Why did the reservoir fall so fast? Engineers blame the dry winter.',
    'The minister called it "a warning to us all" -- then left.',
  ])('keeps %s', (line) => {
    const r = clean([...body.slice(0, 2), line, ...body.slice(2)]);
    expect(r.text.split('\n')).toContain(line);
  });

  it('drops a teaser headline of another story and its cut-off opening', () => {
    const teaser = 'Mountain Pass Closed After Rockfall';
    const snippet = 'Rescue teams worked through the night to clear the road above Orrin, where a slide of rocks had';
    const r = clean([P1, '', P2, '', teaser, snippet, '', P3, '', P4]);
    expect(r.text.split('\n')).toEqual(body);
    expect(r.dropped.map((d) => d.rule)).toEqual(['clean/short-heading', 'clean/teaser-snippet']);
  });

  it('keeps a last line cut off mid-sentence (a stored copy ends there)', () => {
    const r = clean([...body, 'The board chair did not say whether the limits would be']);
    expect(r.text.endsWith('would be')).toBe(true);
  });

  it('drops the author box and what follows an end marker in the tail', () => {
    const r = clean([...body, '', 'Edda Vorn', '', 'Jana Kell is a senior correspondent for the Valley Herald, covering farming and water.', '', 'Read more', 'Another story entirely about the harbour festival.']);
    expect(r.text.split('\n')).toEqual(body);
  });

  it('drops a photo alt text line together with its credit line', () => {
    const r = clean([P1, 'Two farmers stand by a dry canal.', 'A canal near Kelling on Monday.Credit...Tom Brill/Reuters', P2, P3, P4]);
    expect(r.text.split('\n')).toEqual(body);
  });
});

describe('cleanPlain: header lines', () => {
  it.each([
    {
      name: 'section label, title, byline, date, duplicate title',
      lines: ['Climate', '', 'Reservoir Falls to Record Low', '', '3 min read', 'Reservoir Falls to Record Low', 'By Jana Kell and Oren Platt', 'March 4, 2031 Updated 6:10 p.m. ET', ...body],
      title: 'Reservoir Falls to Record Low',
      authors: ['Jana Kell', 'Oren Platt'],
      dates: [{ raw: 'March 4, 2031 Updated 6:10 p.m. ET', source: 'header' }],
    },
    {
      name: 'date prefix glued to the title',
      lines: ['date 2031-03-04 Reservoir Falls to Record Low', ...body],
      title: 'Reservoir Falls to Record Low',
      authors: [],
      dates: [{ raw: 'date 2031-03-04 Reservoir Falls to Record Low', source: 'header' }],
    },
    {
      name: 'date prefix glued to the first sentence',
      lines: [`date 2031-03-04 ${P1}`, ...body.slice(1)],
      title: null,
      authors: [],
      dates: [{ raw: `date 2031-03-04 ${P1}`, source: 'header' }],
    },
    {
      name: 'key: value header fields',
      lines: ['url: https://valley.example/reservoir', 'outlet: Valley Herald', 'published: 2031-03-04', 'language: en', '', ...body],
      title: null,
      authors: [],
      dates: [{ raw: '2031-03-04', source: 'metadata' }],
    },
    {
      name: 'Author: and Date: labels with the name on the next line',
      lines: ['Reservoir Falls to Record Low', '', 'Author:', 'Jana Kell', 'Date:', '', ...body],
      title: 'Reservoir Falls to Record Low',
      authors: ['Jana Kell'],
      dates: [],
    },
    {
      name: 'a date line that also carries a read-time badge',
      lines: ['Reservoir Falls to Record Low', 'Mar. 4, 2031 · 6 min read', '', ...body],
      title: 'Reservoir Falls to Record Low',
      authors: [],
      dates: [{ raw: 'Mar. 4, 2031 · 6 min read', source: 'header' }],
    },
    {
      name: 'no title when the first line is prose',
      lines: ['', ...body],
      title: null,
      authors: [],
      dates: [],
    },
  ])('$name', ({ lines, title, authors, dates }) => {
    const r = clean(lines);
    expect(r.title).toBe(title);
    expect(r.authors).toEqual(authors);
    expect(r.dateCandidates).toEqual(dates);
    expect(r.text.split('\n')).toEqual(body);
  });

  it('reads url and outlet fields', () => {
    const r = clean(['url: https://valley.example/reservoir', 'outlet: Valley Herald', '', ...body]);
    expect([r.url, r.outlet]).toEqual(['https://valley.example/reservoir', 'Valley Herald']);
  });
});

describe('cleanPlain: markdown and offsets', () => {
  it.each([
    ['# Heading Text Here', ''],
    ['The **city council** voted on [the plan](https://x.example/p) today, a clerk said.', 'The city council voted on the plan today, a clerk said.'],
    ['An _early_ vote and `code` and ![img](a.png) stayed out, officials said today.', 'An early vote and code and  stayed out, officials said today.'],
    ['> "We will appeal," the mayor said in a short statement on Friday.', '"We will appeal," the mayor said in a short statement on Friday.'],
    ['- The second reading is set for April, the clerk said on Monday.', 'The second reading is set for April, the clerk said on Monday.'],
    ['snake_case_name stays as written in this sentence, she said.', 'snake_case_name stays as written in this sentence, she said.'],
  ])('%s', (line, expected) => {
    const r = clean([...body, line]);
    const last = r.text.split('\n').slice(body.length).join('\n');
    expect(last).toBe(expected);
  });

  it('maps every kept line back to the raw input', () => {
    const raw = ['War', '', '## Reservoir Falls to Record Low', '', 'By Jana Kell', '', `The **board** said [on Tuesday](https://x.example) that ${P1.slice(4)}`, '', ...body, 'Read more', 'Unrelated.'].join('\r\n');
    const r = cleanPlain(raw);
    const doc = { offsetMap: r.offsetMap };
    let at = 0;
    for (const para of r.text.split('\n')) {
      // Each run between mapped segments equals the raw slice it maps to.
      const cuts = r.offsetMap.map((m) => m[0]).filter((c) => c > at && c < at + para.length);
      for (const [a, b] of pairs([at, ...cuts, at + para.length])) {
        expect(raw.slice(rawOffset(doc, a), rawOffset(doc, b - 1) + 1)).toBe(r.text.slice(a, b));
      }
      at += para.length + 1;
    }
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const wrapped = ['The water board said on Tuesday that the reservoir', 'near Kelling had fallen to a third of its capacity,', 'the lowest level on record for the month.', '', 'Farmers in the valley have been told to cut their', 'use by half until the autumn rains arrive.'];
    const r = clean(wrapped);
    expect(r.text.split('\n')).toHaveLength(2);
    expect(r.text).toContain('reservoir near Kelling');
  });
});

function pairs(xs: number[]): Array<[number, number]> {
  return xs.slice(1).map((x, i) => [xs[i]!, x]);
}
