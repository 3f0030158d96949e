/**
 * npm run ui:check -- FOLDER... [--shots DIR]
 * The web UI on real articles: the folders are analysed into a temporary store, the UI is built
 * and served on 127.0.0.1, and every kind of page (the story, its first event, conflicts,
 * documents, a document, people, a person, a search) is opened in Debian's Chromium at 1280 px
 * and at 390 px. Prints, per page and width, the horizontal overflow and axe-core's violations,
 * then one summary line per width; with --shots, PNGs of the story page and its first event
 * at both widths go to DIR (docs/img for the README). A check, not a test: it reads whatever
 * corpus it is given.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteStore } from '../src/store/sqlite.js';
import { analyzeIntoStore } from '../src/run.js';
import { startServer } from '../src/cli/commands/serve.js';
import { tempDir } from '../test/helpers/tmp.js';
import { axeViolations, buildUi, horizontalOverflow, launch, openPage, rendered, VIEWPORTS } from '../test/web/browser.js';

const args = process.argv.slice(2);
const shotsAt = args.indexOf('--shots');
const shots = shotsAt >= 0 ? resolve(args[shotsAt + 1]!) : null;
const folders = args.filter((a, i) => !a.startsWith('--') && !(shotsAt >= 0 && i === shotsAt + 1));
if (!folders.length) {
  console.error('ui:check: give one or more folders of articles');
  process.exit(2);
}

const db = join(tempDir('walkback-ui-check-'), 'story.db');
const store = new SqliteStore(db);
const summary = await analyzeIntoStore(store, folders);
store.close();
console.log(`analysed ${JSON.stringify(summary).slice(0, 200)}`);

const ui = await buildUi();
const server = await startServer({ db, port: 0, host: '127.0.0.1', uiRoot: ui });
const browser = await launch();
if (shots) mkdirSync(shots, { recursive: true });

try {
  // The pages to visit, found from the API: the story's first event, a document, a person.
  const get = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/api/${path}`)).json() as Promise<T>;
  const story = await get<{ total: number; folded: number; items: Array<{ id: string; claims: number; label: string }> }>('story?minClaims=2&limit=500');
  const docs = await get<{ items: Array<{ id: string }> }>('documents?limit=1');
  const people = await get<{ items: Array<{ id: string; name: string }> }>('entities?limit=1');
  console.log(`story: ${story.total} events shown by default, ${story.folded} folded (fewer than 2 claims); shown without a claim: ${story.items.filter((e) => e.claims === 0).length}`);
  const event = story.items[0];
  const pages = [
    '#/',
    event ? `#/events/${encodeURIComponent(event.id)}` : null,
    '#/conflicts',
    '#/documents',
    docs.items[0] ? `#/documents/${encodeURIComponent(docs.items[0].id)}` : null,
    '#/entities',
    people.items[0] ? `#/entities/${encodeURIComponent(people.items[0].id)}` : null,
    people.items[0] ? `#/search?q=${encodeURIComponent(people.items[0].name)}` : null,
  ].filter((p): p is string => p !== null);

  for (const vp of VIEWPORTS) {
    const { page, problems } = await openPage(browser, vp);
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    let overflowing = 0;
    let serious = 0;
    let all = 0;
    for (const path of pages) {
      await page.goto(`${server.url}/${path}`);
      await rendered(page);
      const over = await horizontalOverflow(page);
      const violations = await axeViolations(page);
      if (over) {
        overflowing++;
        // The widest elements, to say what overflows.
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(-3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`),
        );
        console.log(`  overflowing: ${wide.join(' | ')}`);
      }
      all += violations.length;
      serious += violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').length;
      const found = violations.map((v) => `${v.impact} ${v.id} ×${v.nodes} (${v.targets.join(', ')})`);
      console.log(`${vp.width}px ${path.slice(0, 60)}: overflow ${over}px${found.length ? `; axe: ${found.join('; ')}` : ''}`);
      if (shots && (path === '#/' || path === pages[1])) {
        const name = `${path === '#/' ? 'story' : 'event'}-${vp.name}.png`;
        await page.screenshot({ path: join(shots, name) });
      }
    }
    console.log(`ui:check ${vp.width}px: ${pages.length} pages, ${overflowing} overflowing, ${all} axe violations (${serious} serious or critical)${problems.length ? `, ${problems.length} console or network problems: ${problems.join(' | ')}` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
