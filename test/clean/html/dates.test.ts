import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../../src/clean/index.js';
import { resolvePublished } from '../../../src/time/index.js';
import { readPageDate, readUrlPathDate } from '../../../src/time/read-date.js';

const BODY = '<p>The harbour board of Velmora approved the new ferry timetable after a long debate among its members on Tuesday.</p><p>Skipper Ana Kellin said the crews would need two more boats before the summer season began in earnest.</p>';

/** An invented page: head markup, then an article with a headline and the given markup. */
function page(head: string, article: string, extra = '', lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><title>Ferry timetable approved</title>${head}</head><body><nav><a href="/">Home</a></nav><article><h1>Ferry timetable approved</h1>${article}${BODY}</article>${extra}<footer><p>© 2021 Harbour Times</p></footer></body></html>`;
}

function published(html: string): { date: string | null; source?: string; rule?: string } {
  const doc = buildDoc({ source: 'p.html', bytes: Buffer.from(html), format: 'html' });
  resolvePublished(doc);
  return { date: doc.meta.published?.date ?? null, source: doc.meta.published?.source, rule: doc.meta.published?.rule };
}

const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('publication date of an HTML page', () => {
  it.each([
    ['JSON-LD datePublished', page(ld({ '@type': 'NewsArticle', datePublished: '2019-04-02T10:00:00+02:00' }), ''), '2019-04-02', 'jsonld/datePublished'],
    ['JSON-LD inside @graph', page(ld({ '@graph': [{ '@type': 'WebSite' }, { '@type': 'Article', datePublished: '2019-04-03' }] }), ''), '2019-04-03', 'jsonld/datePublished'],
    ['JSON-LD in an array', page(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', datePublished: '2019-04-04' }]), ''), '2019-04-04', 'jsonld/datePublished'],
    ['JSON-LD that is not valid JSON', page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "a "quoted" word", "datePublished": "2019-04-05T08:00:00+01:00"}</script>', ''), '2019-04-05', 'jsonld/datePublished'],
    ['an article type wins over a page type', page(ld([{ '@type': 'WebPage', datePublished: '2019-01-01' }, { '@type': 'NewsArticle', datePublished: '2019-04-06' }]), ''), '2019-04-06', 'jsonld/datePublished'],
    ['Open Graph', page('<meta property="article:published_time" content="2019-04-07T09:00:00+02:00">', ''), '2019-04-07', 'meta/article:published_time'],
    ['parsely-pub-date', page('<meta name="parsely-pub-date" content="2019-04-08T09:00:00+02:00">', ''), '2019-04-08', 'meta/parsely-pub-date'],
    ['sailthru.date', page('<meta name="sailthru.date" content="2019-04-09 09:00:00">', ''), '2019-04-09', 'meta/sailthru.date'],
    ['a meta name in capitals', page('<META NAME="PubDate" CONTENT="2019-04-10">', ''), '2019-04-10', 'meta/pubdate'],
    ['itemprop datePublished on an element', page('', '<span itemprop="datePublished" content="2019-04-11">11 April</span>'), '2019-04-11', 'itemprop/datePublished'],
    ['time with pubdate', page('', '<time datetime="2019-04-12T07:00:00+02:00" pubdate>Thursday</time>'), '2019-04-12', 'time/published'],
    ['a date line by its class, near the headline', page('', '<div class="entry-meta"><span class="post-date">5 Dec. 2019</span></div>'), '2019-12-05', 'markup/published'],
    ['a German date line', page('', '<p class="artikel-datum">05.12.2019, 10:14 Uhr</p>', '', 'de'), '2019-12-05', 'markup/date'],
    ['a Japanese date line', page('', '<p class="date">2019年12月5日</p>', '', 'ja'), '2019-12-05', 'markup/date'],
    ['a French date line', page('', '<p class="meta">jeudi 6 décembre 2019</p>', '', 'fr'), '2019-12-06', 'markup/date'],
    ['a labelled date without a class', page('', '<p>Veröffentlicht am 7. Dezember 2019</p>', '', 'de'), '2019-12-07', 'label/published'],
    ['the date line nearest the headline', `<html><body><div class="date">1 May 2019</div><article><h1>Ferry timetable approved</h1><div class="date">8 Dec 2019</div>${BODY}</article></body></html>`, '2019-12-08', 'markup/date'],
    ['a publication key in inline data', page('<script>window.__DATA__ = {"id": 7, "publishedAt": "2019-04-13T06:00:00Z"};</script>', ''), '2019-04-13', 'script/publishedAt'],
    ['a date in the canonical URL', page('<link rel="canonical" href="https://harbour.example/2019/04/14/ferry-timetable">', ''), '2019-04-14', undefined],
    ['a redirect page takes its target URL', '<html><head><meta http-equiv="refresh" content="0; url=https://harbour.example/20190415/ferry"></head><body></body></html>', '2019-04-15', undefined],
    ['the text itself, last', page('', '<p>Velmora, 16 April 2019. The harbour board met again.</p>'), '2019-04-16', 'text/first-date'],
  ])('%s', (_name, html, date, rule) => {
    const got = published(html);
    expect(got.date).toBe(date);
    if (rule) expect(got.rule).toBe(rule);
  });

  it('never a comment date', () => {
    const html = page('', '', '<section class="comments"><div class="comment-date">3 May 2020</div><p>Nice article, said Rolf.</p></section>');
    expect(published(html).date).toBeNull();
  });

  it('never a copyright year or a footer date', () => {
    expect(published(page('', '', '<footer><p class="date">Last change 1 June 2020</p></footer>')).date).toBeNull();
  });

  it('a "last updated" stamp loses to a publication date', () => {
    const html = page('<meta property="article:modified_time" content="2020-01-09T10:00:00Z">', '<p class="date">Updated 9 January 2020</p><p class="date">Published 2 January 2020</p>');
    expect(published(html)).toMatchObject({ date: '2020-01-02', source: 'markup' });
  });

  it('a "last updated" stamp is used when nothing else dates the page', () => {
    expect(published(page('<meta property="article:modified_time" content="2020-01-09T10:00:00+01:00">', ''))).toMatchObject({ date: '2020-01-09', source: 'modified' });
  });

  it('never a date in the future', () => {
    expect(published(page('<meta property="article:published_time" content="2999-01-01">', '')).date).toBeNull();
  });

  it('a date range is no publication date', () => {
    expect(published(page('', '<p>Open from 3 to 5 May 2019</p>')).date).toBeNull();
  });

  it('a UTC stamp takes the local day another stamp of the page gives for the same instant', () => {
    const html = page('<meta property="article:published_time" content="2019-11-09T02:11:03+00:00">', '<time datetime="2019-11-08T21:11:03-05:00">Thursday night</time>');
    expect(published(html)).toMatchObject({ date: '2019-11-08', source: 'opengraph' });
  });

  it('a UTC stamp takes the day the date line shows when a time zone allows it', () => {
    const near = page('<meta property="article:published_time" content="2019-11-04T23:00Z">', '<p class="date">5 November 2019</p>');
    expect(published(near).date).toBe('2019-11-05');
    const far = page('<meta property="article:published_time" content="2019-11-04T10:00Z">', '<p class="date">2 November 2019</p>');
    expect(published(far).date).toBe('2019-11-04');
  });

  it('a generic date meta name comes after the article date line', () => {
    const html = page('<meta name="dcterms.date" content="2019-03-01">', '<time datetime="2019-03-04T08:00:00+01:00">04.03.2019</time>');
    expect(published(html).date).toBe('2019-03-04');
  });

  it('a class word of the post ("category-comments") does not hide the article', () => {
    const html = `<html><body><article class="post category-comments"><h1>Ferry</h1><time class="entry-date" datetime="2019-07-13T15:52:31+02:00" pubdate>13 Jul</time>${BODY}</article></body></html>`;
    expect(published(html).date).toBe('2019-07-13');
  });
});

describe('readPageDate', () => {
  it.each([
    ['5 Dec. 2025', '2025-12-05'],
    ['05.12.2025', '2025-12-05'],
    ['2025年12月5日', '2025-12-05'],
    ['5 de diciembre de 2025', '2025-12-05'],
    ['5. Dezember 2025', '2025-12-05'],
    ['Friday, December 05, 2025', '2025-12-05'],
    ['1er janvier 2026', '2026-01-01'],
    ['5 grudnia 2025', '2025-12-05'],
    ['2025/12/05 10:00', '2025-12-05'],
    ['25/12/2025', '2025-12-25'],
    ['May 2025', null],
  ])('%s', (s, date) => {
    expect(readPageDate(s)?.date ?? null).toBe(date);
  });

  it('reads a slashed date month first only on an English page', () => {
    expect(readPageDate('12/05/2025')?.date).toBe('2025-05-12');
    expect(readPageDate('12/05/2025', { monthFirst: true })?.date).toBe('2025-12-05');
  });

  it('reads dates in URL paths', () => {
    expect(readUrlPathDate('https://x.example/2025/12/05/story')).toBe('2025-12-05');
    expect(readUrlPathDate('https://x.example/20251205/story')).toBe('2025-12-05');
    expect(readUrlPathDate('https://x.example/2025/12/story')).toBeNull();
  });
});
