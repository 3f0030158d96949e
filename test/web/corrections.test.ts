/**
 * A correction made in the UI survives a re-analysis: the editor signs in once with the
 * server's token, sets a claim's status on an event page, more articles are analysed into the
 * store, and the event page (under whatever id the event now has) still shows the correction;
 * then another name for an entity, on its page.
 * Debian's Chromium (playwright-core); skipped where /usr/bin/chromium is absent.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { startServer, type Running } from '../../src/cli/commands/serve.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { analyzeIntoStore } from '../../src/run.js';
import { tempDir } from '../helpers/tmp.js';
import { examples, firstArticles } from '../corrections/stores.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const ROOT = resolve(import.meta.dirname, '../..');
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)('corrections in the UI', () => {
  let browser: Browser;
  let server: Running;
  let ui: string;

  beforeAll(async () => {
    ui = join(tempDir('walkback-ui-'), 'web');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: ui, emptyOutDir: true } });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('makes a correction behind the token and sees it survive a re-analysis', async () => {
    const dir = tempDir();
    const db = join(dir, 'story.db');
    const first = new SqliteStore(db);
    await analyzeIntoStore(first, [firstArticles(dir, 5)]);
    const early = first.loadExport();
    first.close();
    // The busiest event, and a claim of it whose status the editor changes.
    const count = (ev: string) => early.claims.filter((c) => c.event === ev).length;
    const event = [...early.events].sort((a, b) => count(b.id) - count(a.id))[0]!;
    const claim = early.claims.find((c) => c.event === event.id && c.status !== 'cancelled')!;

    server = await startServer({ db, port: 0, host: '127.0.0.1', token: 'editor-s3cret', uiRoot: ui });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/#/events/${encodeURIComponent(event.id)}`);

    // Asked for the token once; a wrong one is refused and asked for again.
    await page.getByLabel('Editor token').fill('wrong');
    await page.getByLabel('Your name').fill('Lind');
    await page.getByRole('button', { name: 'Sign in to correct' }).click();
    await page.getByText('That token was refused.').waitFor();
    await page.getByLabel('Editor token').fill('editor-s3cret');
    await page.getByRole('button', { name: 'Sign in to correct' }).click();

    await page.getByLabel('Correction', { exact: true }).selectOption('set-status');
    await page.getByLabel('On', { exact: true }).selectOption(claim.id);
    await page.getByLabel('Status id').fill('cancelled');
    await page.getByRole('button', { name: 'Save correction' }).click();
    const item = page.locator('li[data-correction="x1"]');
    await item.waitFor();
    expect(await item.textContent()).toMatch(/x1 set-status .* by Lind, .* applied/);

    // More articles arrive; the ledger is rebuilt and the correction applied again.
    const again = new SqliteStore(db);
    const run = await analyzeIntoStore(again, [examples]);
    expect(run.added).toBeGreaterThan(0);
    const now = again.loadExport();
    again.close();
    const claimNow = now.claims.find((c) => c.id === claim.id)!;
    expect(claimNow.status).toBe('cancelled');

    await page.goto(`${server.url}/#/events/${encodeURIComponent(claimNow.event)}`);
    await page.locator('li[data-correction="x1"]').waitFor();
    expect(await page.locator('li[data-correction="x1"]').textContent()).toMatch(/by Lind, .* applied/);
    // The token was kept for the session: the form is there without asking again.
    expect(await page.getByLabel('Editor token').count()).toBe(0);

    // On an entity page: another name, shown at once among the names it is written as.
    const entity = now.entities.find((e) => e.type === 'person')!;
    await page.goto(`${server.url}/#/entities/${encodeURIComponent(entity.id)}`);
    await page.getByLabel('Correction', { exact: true }).selectOption('alias');
    await page.getByLabel('Name', { exact: true }).fill('Lind Ardent');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.locator('li[data-correction="x2"]').waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('Lind Ardent');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
