import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderHtml } from '../../../src/report/formats/html.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { story } from '../../server/fixture.js';
import { cli, tempDir } from '../../helpers/cli.js';

describe('html report', () => {
  const { docs, ledger } = story();
  const html = renderHtml(docs, ledger);
  const { document } = parseHTML(html);

  it('is one self-contained file: inline CSS, no script, no external request', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(document.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/url\(|@import/);
    expect(document.querySelector('style')?.textContent).toContain('.timeline');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('lays out each event by recent activity with its timeline by date and side', () => {
    expect([...document.querySelectorAll('section h2')].map((h) => h.textContent)).toEqual(['Velmora–Ostrana summit in Tallinor postponed', 'Leaders’ phone call held']);
    const summit = document.querySelector('#event-1')!;
    expect([...summit.querySelectorAll('.timeline thead th')].map((th) => th.textContent)).toEqual(['Date', 'Velmora government', 'Ostrana government']);
    expect([...summit.querySelectorAll('.timeline tbody th')].map((th) => th.textContent)).toEqual(['2025-03-03', '2025-03-05', '2025-03-10']);
    expect([...summit.querySelectorAll('.claim')].map((c) => c.getAttribute('class'))).toEqual(['claim s-agreed', 'claim s-not_agreed', 'claim s-postponed']);
    expect(document.querySelectorAll('.toc li')).toHaveLength(2);
  });

  it('shows each conflict with both evidence sentences, the evidence marked', () => {
    const conflicts = [...document.querySelectorAll('.conflict')];
    expect(conflicts.map((k) => k.querySelector('.kind')?.textContent)).toEqual(['denial', 'reversal']);
    expect([...conflicts[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['We have agreed to meet in Tallinor in April', 'Nothing has been agreed']);
    expect(conflicts[0]!.querySelectorAll('.sentence')[1]!.textContent).toContain('"Nothing has been agreed, and no date is set," Vale said.');
  });

  it('escapes what the articles say', () => {
    const s = story();
    s.ledger.events[0]!.label = '<script>alert(1)</script> & "summit"';
    const out = renderHtml(s.docs, s.ledger);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;summit&quot;');
  });

  it('says so when there is nothing', () => {
    const out = renderHtml([], { entities: [], entityOf: new Map(), events: [], claims: [], conflicts: [] });
    expect(out).toContain('No events.');
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
