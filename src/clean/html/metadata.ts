/**
 * Page metadata from the HTML head: <meta> tags, Open Graph, JSON-LD (NewsArticle and its
 * kin, also inside @graph), <time datetime>, <link rel=canonical>. Dates are candidates only.
 */
import type { DateCandidate } from '../../core/types.js';

export interface HtmlMeta {
  title: string | null;
  outlet: string | null;
  authors: string[];
  url: string | null;
  description: string | null;
  dateCandidates: DateCandidate[];
}

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Background|Review)?(?:News)?Article$|^(?:BlogPosting|LiveBlogPosting|Report|WebPage)$/;

const META_DATES: Record<string, DateCandidate['source']> = {
  'article:published_time': 'opengraph',
  'og:published_time': 'opengraph',
  'og:article:published_time': 'opengraph',
  date: 'metadata',
  pubdate: 'metadata',
  publishdate: 'metadata',
  publish_date: 'metadata',
  'publish-date': 'metadata',
  'dc.date': 'metadata',
  'dc.date.issued': 'metadata',
  'dcterms.date': 'metadata',
  'dcterms.created': 'metadata',
  'sailthru.date': 'metadata',
  'parsely-pub-date': 'metadata',
  'article.published': 'metadata',
  datepublished: 'metadata',
  'original-publish-date': 'metadata',
  'cxenseparse:recs:publishtime': 'metadata',
};

type Node = { getAttribute(n: string): string | null; textContent: string | null };
type Query = { querySelectorAll(sel: string): ArrayLike<Node> & Iterable<Node> };

export function readHtmlMeta(document: Query): HtmlMeta {
  const out: HtmlMeta = { title: null, outlet: null, authors: [], url: null, description: null, dateCandidates: [] };
  const seen = new Set<string>();
  const addDate = (raw: string | null | undefined, source: DateCandidate['source']): void => {
    const r = raw?.trim();
    if (!r || !/\d/.test(r) || seen.has(`${source}|${r}`)) return;
    seen.add(`${source}|${r}`);
    out.dateCandidates.push({ raw: r, source });
  };
  let ogTitle: string | null = null;
  for (const m of document.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content')?.trim() ?? '';
    if (!key || !content) continue;
    if (key in META_DATES) addDate(content, META_DATES[key]!);
    else if (key === 'og:title' || key === 'twitter:title') ogTitle ??= content;
    else if (key === 'og:site_name' || key === 'application-name') out.outlet ??= content;
    else if (key === 'og:url') out.url ??= content;
    else if (key === 'author' || key === 'article:author' || key === 'dc.creator' || key === 'parsely-author' || key === 'sailthru.author') {
      if (!/^https?:/.test(content)) out.authors.push(...content.split(/\s*(?:,|;| and )\s*/).filter(Boolean));
    } else if (key === 'description' || key === 'og:description') out.description ??= content;
  }
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) readJsonLd(s.textContent ?? '', out, addDate);
  for (const t of document.querySelectorAll('time[datetime]')) addDate(t.getAttribute('datetime'), 'time-element');
  for (const l of document.querySelectorAll('link[rel="canonical"]')) {
    const href = l.getAttribute('href');
    if (href && /^https?:\/\//i.test(href)) out.url = href;
  }
  out.title = out.title ?? ogTitle;
  if (!out.title) {
    const t = [...document.querySelectorAll('title')][0]?.textContent?.trim();
    if (t) out.title = t;
  }
  out.authors = [...new Set(out.authors.map((a) => a.trim()).filter((a) => a && a.length < 80))];
  return out;
}

function readJsonLd(text: string, out: HtmlMeta, addDate: (raw: string | undefined, s: DateCandidate['source']) => void): void {
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
    addDate(typeof n.datePublished === 'string' ? n.datePublished : undefined, 'jsonld');
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
