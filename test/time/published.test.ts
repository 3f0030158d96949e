import { describe, expect, it } from 'vitest';
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import type { DateCandidate } from '../../src/core/types.js';
import { resolvePublished } from '../../src/time/index.js';

function doc(text: string, candidates: DateCandidate[] = [], extra: { url?: string; contextDates?: string[] } = {}) {
  const meta = emptyMeta('txt');
  meta.dateCandidates = candidates;
  meta.url = extra.url ?? null;
  if (extra.contextDates) meta.contextDates = extra.contextDates;
  return createDoc({ id: 'd1', source: 't.txt', rawHash: '', text, meta });
}

const BODY = 'The regional council approved the new tram line after a long debate among its members.';

const cases: Array<[name: string, d: ReturnType<typeof doc>, opts: { published?: string }, date: string | null, source?: string]> = [
  ['the option wins', doc(BODY, [{ raw: '2021-04-02T10:00:00Z', source: 'jsonld' }]), { published: '2022-01-05' }, '2022-01-05', 'option'],
  ['JSON-LD before Open Graph', doc(BODY, [{ raw: '2021-03-01', source: 'opengraph' }, { raw: '2021-04-02T10:00:00+02:00', source: 'jsonld' }]), {}, '2021-04-02', 'jsonld'],
  ['a header line with a month name', doc(BODY, [{ raw: 'Mar. 4, 2023Updated 9:15 a.m. ET', source: 'header' }]), {}, '2023-03-04', 'header'],
  ['a day-first header line', doc(BODY, [{ raw: 'Published 3 March 2024', source: 'header' }]), {}, '2024-03-03', 'header'],
  ['a date field on the first line', doc(`date 2022-06-07 Council backs tram\n${BODY}`), {}, '2022-06-07', 'header'],
  ['a line that is only a date', doc(`Tram line approved\nJune 7, 2022\n${BODY}`), {}, '2022-06-07', 'header'],
  ['a dateline with a year', doc(`June 7, 2022 — ${BODY}`), {}, '2022-06-07', 'dateline'],
  ['a year-less dateline takes the document year', doc(`BERLIN, June 7 (Wire) - ${BODY} The line was first proposed on May 2, 2019.`), {}, '2019-06-07', 'dateline'],
  ['a year-less dateline without any year is not a date', doc(`BERLIN, June 7 (Wire) - ${BODY}`), {}, null],
  ['a date in the URL', doc(BODY, [], { url: 'https://news.example/2020/11/03/tram-line' }), {}, '2020-11-03', 'url'],
  ['a caption date is not the publication date', doc(`The mayor speaks at a rally on April 2, 2021 in the old town. (Jane Roe/Example Images)\n${BODY}`), {}, null],
  ['a body date about another day is not the publication date', doc(`${BODY}\nThe first tram ran on May 2, 2019, officials said.`), {}, null],
  ['the lede "said on" date with the year of the document', doc(`The tram line will open next spring, the transport minister said on Nov. 12, adding that tickets will be cheap for students.\nMore text.`, [], { contextDates: ['The minister at a hearing on May 5, 2024. (Photo: Example)'] }), {}, '2024-11-12', 'dateline'],
  ['the lede rule needs a year in the document', doc(`The tram line will open next spring, the transport minister said on Nov. 12, adding that tickets will be cheap for students.`), {}, null],
  ['no date at all', doc(BODY), {}, null],
];

describe('resolvePublished', () => {
  it.each(cases)('%s', (_name, d, opts, date, source) => {
    resolvePublished(d, opts);
    expect(d.meta.published?.date ?? null).toBe(date);
    if (source) expect(d.meta.published?.source).toBe(source);
  });

  it('rejects a malformed option', () => {
    expect(() => resolvePublished(doc(BODY), { published: '2022-13-01' })).toThrow(/YYYY-MM-DD/);
  });
});
