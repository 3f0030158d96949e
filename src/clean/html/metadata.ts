/**
 * Page metadata from the HTML head: <meta> tags, Open Graph, JSON-LD (NewsArticle and its
 * kin, also inside @graph), <link rel=canonical>. Dates are candidates only, found by dates.ts.
 */
import type { DateCandidate } from '../../core/types.js';
import { findPageDates } from './dates.js';

export interface HtmlMeta {
  title: string | null;
  outlet: string | null;
  authors: string[];
  url: string | null;
  description: string | null;
  dateCandidates: DateCandidate[];
}

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Background|Review)?(?:News)?Article$|^(?:BlogPosting|LiveBlogPosting|Report|WebPage)$/;

type Node = { getAttribute(n: string): string | null; textContent: string | null };
type Query = { querySelectorAll(sel: string): ArrayLike<Node> & Iterable<Node>; documentElement?: Node | null };

export function readHtmlMeta(document: Query): HtmlMeta {
  const out: HtmlMeta = { title: null, outlet: null, authors: [], url: null, description: null, dateCandidates: [] };
  let ogTitle: string | null = null;
  for (const m of document.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content')?.trim() ?? '';
    if (!key || !content) continue;
    if (key === 'og:title' || key === 'twitter:title') ogTitle ??= content;
    else if (key === 'og:site_name' || key === 'application-name') out.outlet ??= content;
    else if (key === 'og:url') out.url ??= content;
    else if (key === 'author' || key === 'article:author' || key === 'dc.creator' || key === 'parsely-author' || key === 'sailthru.author') {
      if (!/^https?:/.test(content)) out.authors.push(...content.split(/\s*(?:,|;| and )\s*/).filter(Boolean));
    } else if (key === 'description' || key === 'og:description') out.description ??= content;
  }
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) readJsonLd(s.textContent ?? '', out);
  const lang = document.documentElement?.getAttribute('lang') ?? '';
  out.dateCandidates = findPageDates(document as never, { monthFirst: /^en(?:-us)?$/i.test(lang.trim()) });
  for (const l of document.querySelectorAll('link[rel="canonical"]')) {
    const href = l.getAttribute('href');
    if (href && /^https?:\/\//i.test(href)) out.url = href;
  }
  // A page that only sends the reader on (a refresh or a script redirect) is the page it names.
  if (!out.url) out.url = redirectTarget(document);
  out.title = out.title ?? ogTitle;
  if (!out.title) {
    const t = [...document.querySelectorAll('title')][0]?.textContent?.trim();
    if (t) out.title = t;
  }
  out.authors = [...new Set(out.authors.map((a) => a.trim()).filter((a) => a && a.length < 80))];
  return out;
}

function readJsonLd(text: string, out: HtmlMeta): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  const nodes: unknown[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      nodes.push(v);
      const g = (v as Record<string, unknown>)['@graph'];
      if (g) collect(g);
    }
  };
  collect(data);
  for (const n of nodes as Array<Record<string, unknown>>) {
    const types = ([] as unknown[]).concat(n['@type'] ?? []).map(String);
    if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
    const isPage = types.every((t) => t === 'WebPage');
    if (typeof n.headline === 'string' && !isPage) out.title ??= n.headline.trim();
    if (isPage) continue;
    for (const a of ([] as unknown[]).concat(n.author ?? [])) {
      const name = typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined;
      if (typeof name === 'string' && name.trim()) out.authors.push(name.trim());
    }
    const pub = n.publisher as Record<string, unknown> | undefined;
    if (pub && typeof pub.name === 'string') out.outlet ??= pub.name.trim();
    if (typeof n.url === 'string' && /^https?:/.test(n.url)) out.url ??= n.url;
  }
}

const REDIRECT = /(?:location\.(?:href\s*=|replace\(|assign\()|window\.location\s*=)\s*["'](https?:\/\/[^"']+)["']/;

/** The URL a redirect page sends to: <meta http-equiv=refresh content="0; url=...">, or a script's location.href = "...". */
function redirectTarget(document: Query): string | null {
  for (const m of document.querySelectorAll('meta')) {
    if ((m.getAttribute('http-equiv') ?? '').toLowerCase() !== 'refresh') continue;
    const u = /url\s*=\s*['"]?(https?:\/\/[^'"\s]+)/i.exec(m.getAttribute('content') ?? '');
    if (u) return u[1]!;
  }
  // A script's redirect only on a page with next to no text of its own (a click handler elsewhere is no redirect).
  const scripts = [...document.querySelectorAll('script')];
  const own = ([...document.querySelectorAll('body')][0]?.textContent ?? '').length - scripts.reduce((n, s) => n + (s.textContent ?? '').length, 0);
  if (own > 500) return null;
  for (const s of scripts) {
    const u = REDIRECT.exec(s.textContent ?? '');
    if (u) return u[1]!;
  }
  return null;
}
