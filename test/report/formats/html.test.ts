import { describe, it, expect } from 'vitest';
import { renderReport } from '../../../src/report/formats/index.js';
import { parseHTML } from 'linkedom';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { story } from '../../server/fixture.js';
import { cli, tempDir } from '../../helpers/cli.js';

describe('html report', async () => {
  const { docs, ledger } = story();
  const html = await renderReport('html', docs, ledger);
  const { document } = parseHTML(html);

  it('is one self-contained file: inline CSS, no script, no external request', async () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(document.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    // Links to the articles are followed only when clicked.
    expect(html).not.toMatch(/src="(https?:)?\/\//);
    expect([...document.querySelectorAll('[href]')].every((e) => e.tagName === 'A')).toBe(true);
    expect(html).not.toMatch(/url\(|@import/);
    expect(document.querySelector('style')?.textContent).toContain('.timeline');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('lays out each event by recent activity with its timeline by date and side', async () => {
    expect([...document.querySelectorAll('section[id^="event-"] h2')].map((h) => h.textContent)).toEqual(['Velmora–Ostrana summit in Tallinor postponed', 'Leaders’ phone call held']);
    const summit = document.querySelector('#event-1')!;
    expect([...summit.querySelectorAll('.timeline thead th')].map((th) => th.textContent)).toEqual(['Date', 'Velmora government', 'Ostrana government']);
    expect([...summit.querySelectorAll('.timeline tbody th')].map((th) => th.textContent)).toEqual(['2025-03-03', '2025-03-05', '2025-03-10']);
    expect([...summit.querySelectorAll('.claim')].map((c) => c.getAttribute('class'))).toEqual(['claim s-agreed', 'claim s-not_agreed', 'claim s-postponed']);
    expect(document.querySelectorAll('.toc li')).toHaveLength(2);
  });

  it("is titled after the story and says when it was generated", async () => {
    const out = parseHTML(await renderReport('html', docs, ledger, { generatedAt: new Date('2025-03-11T08:30:05.123Z') })).document;
    expect(out.querySelector('title')?.textContent).toBe('Velmora–Ostrana summit in Tallinor · walkback report');
    expect(out.querySelector('h1')?.textContent).toBe('Velmora–Ostrana summit in Tallinor');
    expect(out.querySelector('header time')?.getAttribute('datetime')).toBe('2025-03-11T08:30:05Z');
  });

  it('links every claim and piece of evidence to its article, the quote as a text fragment; a file by its name only', async () => {
    const s = story();
    s.docs[0]!.meta.url = 'https://velmora.example/news/summit?id=7';
    s.docs[1]!.source = '/home/desk/private/doc-b.txt';
    const out = await renderReport('html', s.docs, s.ledger);
    const page = parseHTML(out).document;
    const items = [...page.querySelectorAll('.claim, .side')];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.querySelector('.src')).not.toBeNull();
    const links = [...page.querySelectorAll('a.src')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://velmora.example/news/summit?id=7#:~:text=We%20have%20agreed%20to%20meet%20in%20Tallinor%20in%20April');
    expect(out).not.toContain('/home/desk');
    expect(page.querySelector('#sources')?.textContent).toContain('doc-b.txt');
    expect([...page.querySelectorAll('#sources a')].map((a) => a.getAttribute('href'))).toEqual(['https://velmora.example/news/summit?id=7']);
  });

  it('folds a copy into the claim it repeats, as another outlet carrying it', async () => {
    const s = story();
    const orig = s.ledger.claims.find((c) => c.id === 'doc-b:c1')!;
    s.ledger.claims.push({ ...orig, id: 'doc-c:copy', doc: 'doc-c', copyOf: orig.id });
    const page = parseHTML(await renderReport('html', s.docs, s.ledger)).document;
    const cards = [...page.querySelectorAll('#event-1 .claim')];
    expect(cards).toHaveLength(3);
    expect(cards[1]!.textContent).toMatch(/also carried by \[\d\]/);
  });

  it('shows each conflict with both evidence sentences, the evidence marked', async () => {
    const conflicts = [...document.querySelectorAll('.conflict')];
    expect(conflicts.map((k) => k.querySelector('.kind')?.textContent)).toEqual(['denial', 'reversal']);
    expect([...conflicts[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['We have agreed to meet in Tallinor in April', 'Nothing has been agreed']);
    expect(conflicts[0]!.querySelectorAll('.sentence')[1]!.textContent).toContain('"Nothing has been agreed, and no date is set," Vale said.');
  });

  it('escapes what the articles say', async () => {
    const s = story();
    s.ledger.events[0]!.label = '<script>alert(1)</script> & "summit"';
    const out = await renderReport('html', s.docs, s.ledger);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;summit&quot;');
  });

  it('says so when there is nothing', async () => {
    const out = await renderReport('html', [], { entities: [], entityOf: new Map(), events: [], claims: [], conflicts: [] });
    expect(out).toContain('No events with claims.');
  });
});

describe('walkback report --format html|timelinejs|csv', () => {
  it('writes each format from a store', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Talks off\n\n"The talks are off," the minister said on Friday.');
    const db = join(dir, 's.db');
    expect((await cli('analyze', '--db', db, '--published', '2025-01-10', join(dir, 'a.txt'))).code).toBe(0);
    const out = join(dir, 'r.html');
    expect(await cli('report', '--db', db, '--format', 'html', '-o', out)).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    const tl = await cli('report', '--db', db, '--format', 'timelinejs');
    expect(JSON.parse(tl.out)).toHaveProperty('events');
    const csv = await cli('report', '--db', db, '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toMatch(/^record,id,document,/);
  });
});
