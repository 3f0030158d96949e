/**
 * Layout and accessibility of every page of the UI, at 1280 px and at a 390 px phone: no
 * horizontal overflow of the page, axe-core without a serious or critical violation, the
 * "Skip to content" link reaching the main content, and focus after an evidence link.
 * WB_AXE_REPORT=1 prints every violation axe finds (of any impact) per page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type Running } from '../../src/cli/commands/serve.js';
import { storyStore } from '../server/fixture.js';
import { tempDir } from '../helpers/tmp.js';
import { axeViolations, buildUi, hasChromium, horizontalOverflow, launch, openPage, rendered, VIEWPORTS } from './browser.js';

/** Every kind of page, on the invented story. */
const PAGES = ['#/', '#/?all=1', '#/events/v-summit', '#/conflicts', '#/entities', '#/entities/e-kross', '#/documents', '#/documents/doc-a?mark=10-40', '#/search?q=summit'];

describe.skipIf(!hasChromium)('layout and accessibility in Chromium', () => {
  let server: Running;
  let browser: Browser;

  beforeAll(async () => {
    const ui = await buildUi();
    browser = await launch();
    const db = join(tempDir(), 'story.db');
    storyStore(db, 60).close();
    server = await startServer({ db, port: 0, host: '127.0.0.1', uiRoot: ui });
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  for (const vp of VIEWPORTS) {
    it(`at ${vp.width} px no page overflows and axe finds no serious or critical violation`, async () => {
      const { page, problems } = await openPage(browser, vp);
      const found: string[] = [];
      let all = 0;
      for (const path of PAGES) {
        await page.goto(`${server.url}/${path}`);
        await rendered(page);
        expect(await horizontalOverflow(page), `${path} overflows at ${vp.width} px`).toBe(0);
        const violations = await axeViolations(page);
        all += violations.reduce((n, v) => n + v.nodes, 0);
        if (process.env.WB_AXE_REPORT === '1') for (const v of violations) console.log(`axe ${vp.width}px ${path}: ${v.impact} ${v.id} ×${v.nodes} (${v.help})`);
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${path}: ${v.id} ×${v.nodes}`);
      }
      if (process.env.WB_AXE_REPORT === '1') console.log(`axe ${vp.width}px: ${found.length} serious or critical rule hits, ${all} nodes in all`);
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('the skip link leads to the main content of the page it is on', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/#/entities`);
    await rendered(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(await page.locator('h1').textContent()).toBe('People and organizations');
    expect(new URL(page.url()).hash).toBe('#/entities');
    // The next Tab goes to the first link of the content, not back to the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('after following an evidence link, focus is on the quoted words in the article', async () => {
    for (const vp of VIEWPORTS) {
      const { page } = await openPage(browser, vp);
      await page.goto(`${server.url}/#/events/v-summit`);
      await rendered(page);
      const denial = page.locator('.conflict', { has: page.locator('.kind-denial') });
      await denial.getByRole('link', { name: /Ostrana denies any summit deal/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ostrana denies any summit deal' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'focus');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Nothing has been agreed');
      // In view.
      const box = await page.locator('#focus').boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= vp.height).toBe(true);
      // Back returns to the event page with focus on its main content.
      await page.goBack();
      await page.getByRole('heading', { level: 2, name: /Timeline/ }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      await page.close();
    }
  });
});
