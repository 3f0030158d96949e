/**
 * The article of an HTML page: @mozilla/readability on a linkedom document, then the
 * paragraphs of what it kept (block elements' text, white space collapsed), one a line.
 * When readability finds nothing, the page's own paragraphs are used. Each paragraph is
 * located in the raw HTML so the offset map points at its source where the text is verbatim.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { CleanTextBuilder } from '../clean-text.js';
import { readHtmlMeta, type HtmlMeta } from './metadata.js';
import { boundDepth } from './depth.js';

export interface HtmlResult {
  text: string;
  offsetMap: Array<[number, number]>;
  meta: HtmlMeta;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, figcaption';
const DROP = 'script, style, noscript, template, svg, iframe, form, button, nav, footer, aside, header';

type El = { textContent: string | null; querySelectorAll(s: string): ArrayLike<El> & Iterable<El>; tagName: string; closest?(s: string): El | null; remove(): void };

function paragraphs(root: El): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    // A block inside another block is read with its parent.
    const parent = (el as unknown as { parentElement: El | null }).parentElement;
    if (parent?.closest?.(BLOCKS)) continue;
    if (el.tagName === 'FIGCAPTION' || el.closest?.('figcaption')) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  }
  if (out.length === 0) {
    const t = (root.textContent ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    out.push(...t);
  }
  return out;
}

export function extractHtml(html: string): HtmlResult {
  const { document } = boundDepth(parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!doctype html><html><body>${html}</body></html>`));
  const meta = readHtmlMeta(document as never);
  let paras: string[] = [];
  try {
    const article = new Readability(document.cloneNode(true) as never, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      paras = paragraphs(inner.body as never);
      if (!meta.title && article.title) meta.title = article.title.trim();
      if (!meta.outlet && article.siteName) meta.outlet = article.siteName.trim();
      if (meta.authors.length === 0 && article.byline) meta.authors.push(...article.byline.replace(/^by\s+/i, '').split(/\s*(?:,| and )\s*/).filter((a) => a && a.length < 60));
    }
  } catch {
    // Readability gave up on this page; fall back to its paragraphs below.
  }
  if (paras.length === 0 && document.body) {
    for (const el of Array.from(document.body.querySelectorAll(DROP))) el.remove();
    paras = paragraphs(document.body as never);
  }
  const seen = new Set<string>();
  const b = new CleanTextBuilder();
  let cursor = 0;
  for (const p of paras) {
    if (seen.has(p)) continue;
    seen.add(p);
    cursor = placeParagraph(b, html, p, cursor);
    b.newline();
  }
  const { text, offsetMap } = b.build();
  return { text, offsetMap, meta };
}

/**
 * Append paragraph p, mapped to where it is found in the raw HTML after `cursor`; a paragraph
 * that is not verbatim there (entities, inline tags) is mapped word by word as far as it can.
 */
function placeParagraph(b: CleanTextBuilder, html: string, p: string, cursor: number): number {
  const at = html.indexOf(p, cursor);
  if (at >= 0) {
    b.pushText(p, at);
    return at + p.length;
  }
  let pos = cursor;
  const words = p.split(' ');
  words.forEach((w, i) => {
    if (i > 0) b.pushText(' ', pos);
    const found = html.indexOf(w, pos);
    const place = found >= 0 && found - pos < 400 ? found : pos;
    b.pushText(w, place);
    pos = found >= 0 && found - pos < 400 ? found + w.length : pos;
  });
  return pos;
}
