/**
 * Deep or broken trees: main-text extraction bounds the nesting depth before readability, so
 * it finishes (a page of thousands of nested <div>s took minutes) and still finds the text.
 * Timings belong in `npm run bench:abuse`; here only that it finishes and what it extracts.
 */
import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../../src/clean/html/extract.js';
import { boundDepth, MAX_DEPTH } from '../../src/clean/html/depth.js';

const paras = [
  'The ferry board of Kestrel Bay said on Monday that the night crossing would return in May, after a winter of repairs to the pier.',
  'Captains had asked for the change since the autumn storms, a board member told the harbour council in a short meeting.',
];
const page = (depth: number, closed = true): string =>
  `<html><head><title>Night crossing returns</title></head><body>${'<div>'.repeat(depth)}${paras.map((p) => `<p>${p}</p>`).join('')}${closed ? '</div>'.repeat(depth) : ''}</body></html>`;

function depthOf(html: string): number {
  const { document } = boundDepth(parseHTML(html));
  let deepest = 0;
  const stack: Array<[Element, number]> = [[document.documentElement as unknown as Element, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    for (const c of Array.from(el.children)) stack.push([c, d + 1]);
  }
  return deepest;
}

describe('deeply nested pages', () => {
  it.each([
    ['5,000 nested <div>s', page(5000)],
    ['5,000 <div>s never closed', page(5000, false)],
    ['2,500 nested lists', `<html><body>${'<ul><li>'.repeat(2500)}<p>${paras[0]}</p><p>${paras[1]}</p></body></html>`],
  ])('%s: finishes and extracts every paragraph', (_name, html) => {
    const r = extractHtml(html);
    for (const p of paras) expect(r.text).toContain(p);
  });

  it('brings the depth back under the bound, keeping small subtrees whole', () => {
    expect(depthOf(page(3000))).toBeLessThanOrEqual(MAX_DEPTH + 1 + 8);
  });

  it('leaves a page of ordinary depth exactly as parsed', () => {
    const html = page(40);
    const bounded = boundDepth(parseHTML(html)).document.toString();
    expect(bounded).toBe(parseHTML(html).document.toString());
  });
});
