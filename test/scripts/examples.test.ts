/** The hand-written example story in examples/: shapes the README promises. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../examples');
const files = readdirSync(dir).filter((f) => /^\d\d-.+\.(txt|html)$/.test(f)).sort();
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
/** The article text of an HTML page: its <article> paragraphs, tags stripped. */
const body = (f: string): string => (f.endsWith('.html') ? (read(f).match(/<article>([\s\S]*?)<\/article>/)?.[1] ?? '').replace(/<[^>]+>/g, ' ') : read(f));

describe('examples/', () => {
  it('has eight articles, one of them HTML', () => {
    expect(files).toHaveLength(8);
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(1);
  });

  it.each(files)('%s is 150..350 words', (f) => {
    const n = words(body(f));
    expect(n).toBeGreaterThanOrEqual(150);
    expect(n).toBeLessThanOrEqual(350);
  });

  it.each(files.filter((f) => f.endsWith('.txt')))('%s has a title line and a date line', (f) => {
    const [title, date] = read(f).split('\n');
    expect(title!.length).toBeGreaterThan(20);
    expect(date).toMatch(/^(Published [A-Z][a-z]+\.? \d{1,2}, 2024|date 2024-\d\d-\d\d|[A-Z][a-z]+\.? \d{1,2}, 2024 · \d min read)$/);
  });

  it('the HTML page has title, published time, site name and clutter around the article', () => {
    const html = read(files.find((f) => f.endsWith('.html'))!);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<meta property="article:published_time" content="2024-10-03T/);
    expect(html).toMatch(/<meta property="og:site_name" content="[^"]+">/);
    expect(html).toMatch(/<nav[\s\S]*<article>[\s\S]*<\/article>[\s\S]*<footer>/);
  });

  it.each([
    ['a claim', '01-kelmar-tribune-deal-agreed.txt', '"We have a deal.'],
    ['its denial by the other side', '02-damaris-evening-post-no-agreement.txt', '"No agreement has been reached.'],
    ['a walk-back by the same side', '03-harbourline-news-working-to-make-it-happen.html', 'to make it happen'],
    ['the claim corrected', '01-kelmar-tribune-deal-agreed.txt', 'Minister Sander met Minister Oduya'],
    ['a correction by the same side', '04-ostrelian-standard-correction.txt', 'It was Deputy Transport Minister Pavel Dunst, not Minister Sander, who met'],
    ['a plan', '01-kelmar-tribune-deal-agreed.txt', 'we will sign it in Kelmar on Oct. 15'],
    ['its reversal by the same side', '05-continental-wire-summit-called-off.txt', 'will not take place on Oct. 15'],
    ['an anonymous official', '02-damaris-evening-post-no-agreement.txt', 'speaking on condition of anonymity'],
    ['clutter: read time', '05-continental-wire-summit-called-off.txt', '4 min read'],
    ['clutter: photo credit', '07-meridian-observer-what-we-know.txt', '(Photo: '],
    ['clutter: read more', '07-meridian-observer-what-we-know.txt', 'Read more:'],
  ])('contains %s', (_what, f, needle) => {
    expect(read(f)).toContain(needle);
  });

  it('docs/examples.md describes every article', () => {
    const readme = readFileSync(join(dir, '..', 'docs', 'examples.md'), 'utf8');
    for (const f of files) expect(readme).toContain(f);
    for (const kind of ['denial', 'reversal', 'walk_back', 'correction']) expect(readme).toContain(`\`${kind}\``);
  });
});
