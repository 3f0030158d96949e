/**
 * The reports on the real dev articles (../shared/corpus seeds and trump-putin-dev, 34 in
 * all): every piece of evidence names its article, linked to it when the article has a URL
 * (the seeds have none: they are named by file), no local path shows, the five articles in
 * other languages are listed, and the HTML report does not overflow a 390 px phone.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { cli, tempDir } from '../helpers/cli.js';

const CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');
const CORPORA = ['seeds', 'trump-putin-dev'].map((c) => join(CORPUS, c));
const hasCorpus = CORPORA.every((c) => existsSync(c));
const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!hasCorpus)('reports on the real dev articles', () => {
  const dir = tempDir();
  const db = join(dir, 'real.db');
  const report = async (format: string, ...more: string[]): Promise<string> => {
    const out = join(dir, `r.${format}`);
    expect((await cli('report', '--db', db, '--format', format, '-o', out, ...more)).code).toBe(0);
    return readFileSync(out, 'utf8');
  };
  let summary: { notAnalysed: Array<{ source: string; language: string }> };

  beforeAll(async () => {
    const r = await cli('analyze', ...CORPORA, '--db', db, '--json');
    expect(r.code).toBe(0);
    summary = JSON.parse(r.out) as typeof summary;
  }, 600_000);

  it('lists the articles not in English, with their language, as not analysed', async () => {
    expect(summary.notAnalysed.map((d) => d.language).sort()).toEqual(['hi', 'hu', 'ru', 'ru', 'uk']);
    expect(summary.notAnalysed.every((d) => /^https?:\/\//.test(d.source))).toBe(true);
    expect(await report('text')).toContain('Not analysed (not in English yet): 5 documents\n');
  });

  it('links every piece of evidence of the HTML report to its article, and shows no local path', async () => {
    const html = await report('html');
    expect(html).not.toContain(CORPUS);
    expect(html).not.toMatch(/corpus\/(seeds|trump-putin-dev)/);
    const { document } = parseHTML(html);
    const items = [...document.querySelectorAll('.claim, .side')];
    expect(items.length).toBeGreaterThan(100);
    let linked = 0;
    for (const item of items) {
      const src = item.querySelector('.src')!;
      expect(src).not.toBeNull();
      if (src.tagName === 'A') {
        expect(src.getAttribute('href')).toMatch(/^https?:\/\/[^#]+#:~:text=[^\s#]+$/);
        linked++;
      } else expect(src.textContent).toMatch(/^\[\d+\] \S+\.txt$|^\[\d+\] [^/]+$/);
    }
    // The seeds give no URL; every dev article does.
    expect(linked).toBeGreaterThan(items.length / 2);
  });

  it('keeps the text report compact and in plain words', async () => {
    const text = await report('text');
    expect(text.split('\n').length).toBeLessThan(600);
    expect(text).not.toMatch(/not_agreed|not_held|walk_back/);
    expect(text).not.toContain(CORPUS);
  });

  it('gives TimelineJS at most eight groups, lists the other events and every undated claim', async () => {
    const tl = JSON.parse(await report('timelinejs')) as { title: { text: { text: string } }; events: Array<{ group: string }> };
    expect(new Set(tl.events.map((e) => e.group)).size).toBeLessThanOrEqual(8);
    expect(tl.title.text.text).toContain('other events, not on this timeline');
    expect(tl.title.text.text).toContain('Claims with no date, not on this timeline');
  });

  describe.skipIf(!existsSync(CHROMIUM))('the HTML report in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.each([390, 1280])('does not overflow the page at %i px', async (width) => {
      const file = join(dir, 'phone.html');
      expect((await cli('report', '--db', db, '--format', 'html', '-o', file)).code).toBe(0);
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      // The report makes no request of its own: anything leaving the file fails the test.
      const requests: string[] = [];
      page.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
      await page.goto(`file://${file}`);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      await page.close();
      expect(scroll).toBeLessThanOrEqual(client);
      expect(requests).toEqual([]);
    });
  });
});
