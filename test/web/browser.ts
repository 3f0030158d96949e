/**
 * What the browser tests share: Debian's Chromium through playwright-core, the UI built once
 * by vite into a temporary folder, pages that record console errors and requests leaving
 * 127.0.0.1, and axe-core run inside a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/tmp.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const hasChromium = existsSync(CHROMIUM);

/** The two widths every page is checked at: a desktop and a 390 px phone. */
export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

export async function buildUi(): Promise<string> {
  const out = join(tempDir('walkback-ui-'), 'web');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  return out;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page that records any request leaving 127.0.0.1 and any console error in `problems`. */
export async function openPage(browser: Browser, viewport: { width: number; height: number } = VIEWPORTS[0]): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') problems.push(`network: ${r.url()}`);
  });
  return { page, problems };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  help: string;
  /** CSS selectors of the first few nodes at fault. */
  targets: string[];
}

/** axe-core's violations on the page as it stands (injected through the debugger, so the page's CSP does not apply). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }>; help: string }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

/** How far the page is wider than the viewport, in CSS pixels (0: no horizontal overflow). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Wait until the router has rendered a route (main holds an h1 and is no longer busy). */
export async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return !!main && !main.hasAttribute('aria-busy') && !!main.querySelector('h1');
  });
}
