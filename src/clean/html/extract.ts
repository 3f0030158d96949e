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
import { cutTail, dropClutter, removeBoilerplate } from './boilerplate.js';
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

type Tree = El & { parentElement: Tree | null; getAttribute(n: string): string | null; querySelector(s: string): Tree | null };

const LEAD = /(?:^|[\s_-])(?:intro|lead|leadtext|teaser|standfirst|summary|excerpt|abstract|dek|subline|subtitle|kicker|article-intro|article-teaser|article-lead)(?:$|[\s_-])/i;

/**
 * The lead: readability keeps the densest container and often leaves out the standfirst above
 * it, in its own box marked "intro", "lead", "teaser" or "summary". Such a paragraph of a
 * sentence or more, after the headline and not yet in the text, opens the article.
 */
function withLead(paras: string[], body: Tree): string[] {
  const h1 = body.querySelector('h1') as Tree | null;
  if (!h1 || paras.length === 0) return paras;
  const have = new Set(paras);
  const lead: string[] = [];
  let after = false;
  for (const el of body.querySelectorAll('h1, p, div') as Iterable<Tree>) {
    if (el === h1) {
      after = true;
      continue;
    }
    if (!after) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (have.has(t) || paras.some((p) => p.startsWith(t.slice(0, 60)))) break; // the body has begun
    const marked = LEAD.test(el.getAttribute('class') ?? '') || LEAD.test(el.parentElement?.getAttribute('class') ?? '');
    if (marked && t.length >= 60 && t.length <= 800 && /[.!?…"“”»]$/.test(t) && !lead.includes(t)) lead.push(t);
    if (lead.length >= 2) break;
  }
  return [...lead.filter((t) => !lead.some((o) => o !== t && o.includes(t))), ...paras];
}

const LISTS = new Set(['UL', 'OL', 'DL', 'TABLE']);

/**
 * Lists and tables right after the article's last paragraph (or after the box that holds it):
 * readability drops short items, but a list or table there is part of the article.
 */
function withLists(paras: string[], body: Tree): string[] {
  if (paras.length === 0) return paras;
  const last = paras[paras.length - 1]!;
  let anchor: Tree | null = null;
  for (const el of body.querySelectorAll('p') as Iterable<Tree>) if ((el.textContent ?? '').replace(/\s+/g, ' ').trim() === last) anchor = el;
  if (!anchor) return paras;
  const have = new Set(paras);
  const extra: string[] = [];
  for (const start of [anchor, anchor.parentElement]) {
    for (let sib = (start as unknown as { nextElementSibling: Tree | null } | null)?.nextElementSibling ?? null; sib; sib = (sib as unknown as { nextElementSibling: Tree | null }).nextElementSibling) {
      if (!LISTS.has(sib.tagName)) break;
      for (const t of paragraphs(sib)) if (!have.has(t)) extra.push(t);
    }
  }
  return [...paras, ...extra];
}

export function extractHtml(html: string): HtmlResult {
  const { document } = boundDepth(parseHTML(html.includes('<html') || html.includes('<HTML') ? html : `<!doctype html><html><body>${html}</body></html>`));
  const meta = readHtmlMeta(document as never);
  let paras: string[] = [];
  const page = document.cloneNode(true) as typeof document;
  if (page.body) removeBoilerplate(page.body as never);
  const kept = page.cloneNode(true) as typeof document;
  try {
    const article = new Readability(page as never, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      paras = paragraphs(inner.body as never);
      if (kept.body) paras = withLists(withLead(paras, kept.body as never), kept.body as never);
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
  paras = cutTail(paras);
  paras = dropClutter(paras);
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
