/**
 * Every evidence item links to its article: analysed articles that give their URL (a `url:`
 * header line, as the dev corpora's files do) show, beside the document in this UI, a link to
 * the article opened at the quote (a text fragment, `#:~:text=`). A document in a language
 * the stages do not read is counted on the overview with its language.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type Running } from '../../src/cli/commands/serve.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { tempDir } from '../helpers/tmp.js';
import { buildUi, hasChromium, launch, openPage, rendered } from './browser.js';

const ARTICLES: Array<[string, string]> = [
  [
    'a.txt',
    'url: https://courier.invalid/2031/03/02/ardent\noutlet: The Courier\npublished: 2031-03-02\n\nArdent Foods agreed to buy Brix Capital, its chief executive Ola Venn said on Monday.\n',
  ],
  [
    'b.txt',
    'url: https://herald.invalid/brix-denies\noutlet: The Herald\npublished: 2031-03-04\n\nBrix Capital has not agreed to any deal with Ardent Foods, its chairwoman Mira Sol said on Wednesday.\n',
  ],
  [
    'c.txt',
    'url: https://zeitung.invalid/ardent\noutlet: Die Zeitung\npublished: 2031-03-05\nlanguage: de\n\nArdent Foods hat sich mit Brix Capital auf eine Übernahme geeinigt, sagte der Vorstand am Montag in einer Mitteilung.\n',
  ],
];

describe.skipIf(!hasChromium)('evidence links to the article', () => {
  let server: Running;
  let browser: Browser;

  beforeAll(async () => {
    const dir = join(tempDir(), 'corpus');
    mkdirSync(dir);
    for (const [name, text] of ARTICLES) writeFileSync(join(dir, name), text);
    const db = join(tempDir(), 'linked.db');
    const store = new SqliteStore(db);
    await analyzeIntoStore(store, [dir], { jobs: 0 });
    store.close();
    browser = await launch();
    server = await startServer({ db, port: 0, host: '127.0.0.1', uiRoot: await buildUi() });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('each evidence item of an event opens its article at the quote', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/#/?all=1`);
    await rendered(page);
    await page.locator('table.events tbody tr a').first().click();
    await page.getByRole('heading', { level: 2, name: /Timeline/ }).waitFor();
    const claims = page.locator('.claim-doc');
    expect(await claims.count()).toBeGreaterThan(0);
    for (const c of await claims.all()) {
      const href = await c.locator('a.source-link').getAttribute('href');
      expect(href).toMatch(/^https:\/\/(courier|herald)\.invalid\/[^#]+#:~:text=\S+/);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the overview says which documents were not analysed, and in what language', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/#/`);
    await rendered(page);
    expect(await page.locator('.not-analysed').textContent()).toBe('1 document not analysed yet for their language: de (1).');
    expect(problems).toEqual([]);
    await page.close();
  });
});
