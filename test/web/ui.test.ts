/**
 * The web UI in Debian's Chromium (playwright-core), against `serve` on 127.0.0.1 with an
 * ephemeral port. Skipped, with a message, where /usr/bin/chromium is absent (CI installs it).
 * Screenshots go to test-artifacts/; UPDATE_DOCS_SCREENSHOT=1 also rewrites docs/event-page.png.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type Running } from '../../src/cli/commands/serve.js';
import { storyStore } from '../server/fixture.js';
import { tempDir } from '../helpers/tmp.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { ARTIFACTS, ROOT, VIEWPORTS, axeViolations, buildUi, hasChromium, horizontalOverflow, launch, openPage as openIn, rendered } from './browser.js';
import { WatchState } from '../../src/watch/state.js';

const EXAMPLES = join(ROOT, 'examples');

let ui: string;
let browser: Browser;

/** A page (in a browser profile of its own, unless given one) that fails the test on any request leaving 127.0.0.1, and on any console error. */
const openPage = (context?: BrowserContext): Promise<{ page: Page; problems: string[] }> => openIn(context ?? browser);

describe.skipIf(!hasChromium)('web UI in Chromium', () => {
  let server: Running;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ui = await buildUi();
    browser = await launch();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('shows the story, an event with its timeline and both pieces of evidence of a conflict, and finds a quote', async () => {
    const db = join(tempDir(), 'story.db');
    storyStore(db, 1200).close();
    server = await startServer({ db, port: 0, host: '127.0.0.1', uiRoot: ui });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { page, problems } = await openPage();

    // The overview triages: events with fewer than two claims are folded away, a link shows them.
    await page.goto(server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'The story' }).waitFor();
    const rows = page.locator('table.events tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.locator('.fold').textContent()).toContain('1,201 events with fewer than 2 claims folded away');
    // The status filter lists the declared statuses by their labels (GET /api/vocabulary).
    expect(await page.locator('#f-status option').allTextContents()).toEqual(['any', 'proposed', 'agreed', 'not agreed', 'planned', 'held', 'not held', 'postponed', 'cancelled', 'possible', 'unlikely']);
    // The other filters offer what the ledger holds.
    expect(await page.locator('#f-kind option').allTextContents()).toEqual(['any', 'denial (1)', 'reversal (1)']);
    expect(await page.locator('#f-speaker option').allTextContents()).toEqual(['any', 'Anja Kross (2)', 'Dmitri Vale (1)']);
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png') });
    await page.getByRole('link', { name: 'Show them' }).click();
    await page.waitForFunction(() => document.querySelector('.pager .count')?.textContent === '1–50 of 1,202');
    // Conflicts first: the summit leads, then the call (one claim, dated), then the claimless fillers.
    await expect.poll(() => rows.first().locator('td').first().textContent()).toBe('Velmora–Ostrana summit in Tallinor');
    expect(await rows.nth(1).locator('td').first().textContent()).toBe('Leaders’ phone call');
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForFunction(() => document.querySelector('.pager .count')?.textContent === '51–100 of 1,202');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('.pager .count')?.textContent?.startsWith('1–50'));
    // A filter on a speaker keeps the events they made a claim about, folded or not.
    await page.locator('#f-speaker').selectOption('e-vale');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => document.querySelector('.pager .count')?.textContent === '1–1 of 1');
    expect(new URL(page.url()).hash).toContain('speaker=e-vale');
    await page.locator('#f-speaker').selectOption('');
    await page.locator('#f-kind').selectOption('reversal');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => location.hash.includes('kind=reversal'));
    await expect.poll(() => rows.count()).toBe(1);

    // Keyboard: the first event link is reachable by Tab and opens with Enter.
    const link = page.getByRole('link', { name: 'Velmora–Ostrana summit in Tallinor' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Velmora–Ostrana summit/ }).waitFor();

    // The event: its claims in date order under their sides, colored by status.
    const cards = page.locator('.timeline .claim');
    expect(await cards.count()).toBe(3);
    expect(await page.locator('.tl-head .tl-side').allTextContents()).toEqual(['Velmora government', 'Ostrana government']);
    expect(await page.locator('.timeline .tl-date time').allTextContents()).toEqual(['2025-03-03', '2025-03-05', '2025-03-10']);
    expect(await cards.first().getAttribute('class')).toContain('status-agreed');

    // At a glance: the claims' statuses in date order, each change marked.
    expect(await page.locator('.track li').allTextContents()).toEqual(['2025-03-03 agreed Anja Kross', '2025-03-05 not agreed Dmitri Vale', '2025-03-10 postponed Anja Kross']);
    expect(await page.locator('.track li.changed').count()).toBe(2);

    // Both conflicts dispute one claim: one episode, the disputed claim shown once, then each source disputing it.
    expect(await page.locator('.episode').count()).toBe(1);
    expect(await page.locator('.episode .conflict').count()).toBe(2);
    expect(await page.locator('.episode-head').textContent()).toBe('Anja Kross: agreed, 2025-03-03 — disputed by 2 sources');
    expect(await page.locator('.episode mark.evidence-mark').allTextContents()).toEqual(['We have agreed to meet in Tallinor in April', 'Nothing has been agreed', 'The summit is postponed until further notice']);

    // The denial, each evidence highlighted in its article text.
    const denial = page.locator('.conflict', { has: page.locator('.kind-denial') });
    expect(await denial.locator('mark.evidence-mark').allTextContents()).toEqual(['Nothing has been agreed']);
    expect(await page.locator('.episode > .evidence .context').textContent()).toContain('Kross told reporters');
    await page.screenshot({ path: join(ARTIFACTS, 'event.png'), fullPage: true });
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      await page.setViewportSize({ width: 1000, height: 1250 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ROOT, 'docs/event-page.png') });
    }

    // From the evidence to the article, the span marked and in view.
    await denial.getByRole('link', { name: /Ostrana denies any summit deal/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ostrana denies any summit deal' }).waitFor();
    expect(await page.locator('mark.focus').first().textContent()).toContain('Nothing has been agreed');
    expect(await page.locator('.article-text mark.stmt').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'document.png') });

    // Search for a quote from the header's search box.
    await page.getByRole('searchbox', { name: 'Search statements, documents, events and conflicts' }).fill('"postponed until further notice"');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Search/ }).waitFor();
    const hit = page.locator('.hit-statement').first();
    expect(await hit.locator('mark.hit').allTextContents()).toEqual(['postponed until further notice']);
    // Each hit shows its date; the quote's conflict (a reversal) is found too, highlighted.
    expect(await hit.locator('time').first().textContent()).toBe('2025-03-10');
    const conflictHit = page.locator('.hit-conflict');
    expect(await conflictHit.count()).toBe(1);
    expect(await conflictHit.locator('.kind').textContent()).toBe('reversal');
    expect(await conflictHit.locator('mark.hit').allTextContents()).toEqual(['postponed until further notice']);
    await hit.getByRole('link', { name: 'Anja Kross' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anja Kross' }).waitFor();
    expect(await page.locator('.said li time').allTextContents()).toEqual(['2025-03-03', '2025-03-10']);
    await page.screenshot({ path: join(ARTIFACTS, 'search-entity.png') });

    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks the alerts watch raised since the last visit', async () => {
    const db = join(tempDir(), 'watched.db');
    const store = storyStore(db);
    const watch = new WatchState(store.db);
    const alert = (n: number) => ({ key: `conflict|test|${n}`, kind: 'conflict', alert: true, body: { kind: 'denial', event: { id: 'v-summit', label: 'Velmora–Ostrana summit in Tallinor' }, claims: [], explanation: `Vale denied what Kross said (${n}).` } });
    watch.record(new Map(), [alert(1)], []);
    const running = await startServer({ db, port: 0, uiRoot: ui });
    // One browser profile (its local storage remembers the last visit), a tab per visit.
    const profile = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      // A first visit: nothing to compare with, nothing marked.
      const first = await openPage(profile);
      await first.page.goto(running.url + '/');
      await first.page.getByRole('heading', { level: 1, name: 'The story' }).waitFor();
      expect(await first.page.locator('.since-last-visit').count()).toBe(0);
      await first.page.close();
      // watch raises another alert; the next visit (a new tab) lists it and marks its event.
      watch.record(new Map(), [alert(2)], []);
      const next = await openPage(profile);
      await next.page.goto(running.url + '/');
      await next.page.getByRole('heading', { level: 2, name: 'New since your last visit (1)' }).waitFor();
      expect(await next.page.locator('.since-last-visit li').allTextContents()).toEqual(['denial Velmora–Ostrana summit in Tallinor: Vale denied what Kross said (2).']);
      expect(await next.page.locator('table.events tr', { hasText: 'Velmora–Ostrana summit' }).locator('.badge.new').count()).toBe(1);
      expect(await next.page.locator('table.events .badge.new').count()).toBe(1);
      expect([...first.problems, ...next.problems]).toEqual([]);
      await next.page.close();
    } finally {
      await profile.close();
      store.close();
      await running.close();
    }
  });

  it.skipIf(!existsSync(EXAMPLES) || readdirSync(EXAMPLES).length === 0)('serves a store analysed from examples/', async () => {
    const db = join(tempDir(), 'examples.db');
    const store = new SqliteStore(db);
    await analyzeIntoStore(store, [EXAMPLES]);
    const docs = store.counts().documents;
    store.close();
    const running = await startServer({ db, port: 0, uiRoot: ui });
    try {
      const { page, problems } = await openPage();
      await page.goto(running.url + '/#/documents');
      await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
      expect(await page.locator('.pager .count').first().textContent()).toMatch(new RegExp(`of ${docs.toLocaleString('en-US')}$`));
      await page.goto(running.url + '/#/');
      await page.getByRole('heading', { level: 1, name: 'The story' }).waitFor();
      const first = page.locator('table.events tbody tr a').first();
      if (await first.count()) {
        await first.click();
        await page.getByRole('heading', { level: 2, name: /Timeline/ }).waitFor();
      }
      await page.screenshot({ path: join(ARTIFACTS, 'examples-event.png'), fullPage: true });
      const eventPath = new URL(page.url()).hash;
      // The busiest event a page of two claims at a time: the pager walks its timeline.
      const events = (await (await fetch(`${running.url}/api/events?limit=500`)).json()) as { items: Array<{ id: string; claims: number }> };
      const busiest = events.items.reduce((a, b) => (b.claims > a.claims ? b : a));
      expect(busiest.claims).toBeGreaterThan(4);
      const pagedPath = `#/events/${encodeURIComponent(busiest.id)}?limit=2`;
      await page.goto(`${running.url}/${pagedPath}`);
      await page.waitForFunction((n) => document.querySelector('.pager .count')?.textContent === `1–2 of ${n}`, busiest.claims);
      expect(await page.getByRole('heading', { level: 2, name: /Timeline/ }).textContent()).toBe(`Timeline (${busiest.claims} claims)`);
      const firstPage = await page.locator('.track li').allTextContents();
      expect(firstPage).toHaveLength(2);
      await page.getByRole('link', { name: 'Next →' }).click();
      await page.waitForFunction((n) => document.querySelector('.pager .count')?.textContent === `3–4 of ${n}`, busiest.claims);
      expect(new URL(page.url()).hash).toBe(`${pagedPath}&offset=2`);
      expect(await page.locator('.track li').count()).toBe(2);
      expect(problems).toEqual([]);
      await page.close();

      // Analysed articles (not a hand-built ledger), every kind of page at both widths:
      // no horizontal overflow, no serious or critical axe-core violation.
      const found: string[] = [];
      for (const vp of VIEWPORTS) {
        const { page: p, problems: more } = await openIn(browser, vp);
        for (const path of ['#/', '#/?all=1', eventPath, `${pagedPath}&offset=2`, '#/conflicts', '#/documents', '#/entities', '#/search?q=summit']) {
          await p.goto(`${running.url}/${path}`);
          await rendered(p);
          const over = await horizontalOverflow(p);
          if (over) found.push(`${vp.width}px ${path}: overflows by ${over}px`);
          for (const v of await axeViolations(p)) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${vp.width}px ${path}: ${v.id} ${v.targets.join(', ')}`);
        }
        expect(more).toEqual([]);
        await p.close();
      }
      expect(found).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
