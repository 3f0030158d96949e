/**
 * A polled source's body as the items it lists: a feed's entries (with whatever content the
 * feed carries), or the article links of a web page that lists articles.
 */
import { parseHTML } from 'linkedom';
import { XMLValidator } from 'fast-xml-parser';
import { InputError } from '../core/message.js';
import type { ArticleRecord } from '../ingest/index.js';
import { feedRecords } from '../ingest/readers/feed.js';
import { formatFromContentType, resolveFormat } from '../ingest/format.js';
import { textOfBytes } from '../clean/decode.js';
import { boundDepth } from '../clean/html/depth.js';

/** An item's record always has its link (the item's identity). */
/** `fetched`: the record holds the item's article (not only the feed's summary of it). */
export type WatchItem = ArticleRecord & { url: string; fetched?: boolean };

export function itemsOf(source: string, body: { url: string; bytes: Buffer; contentType: string | null }): WatchItem[] | InputError {
  const format = resolveFormat(formatFromContentType(body.contentType), body.bytes);
  const text = textOfBytes(body.bytes);
  if (format === 'feed') {
    // The feed reader is lenient (a broken file still yields what it can); a polled feed that is
    // not well-formed is a failing source, said and counted, not an empty one.
    const valid = XMLValidator.validate(text);
    if (valid !== true) return new InputError(source, `malformed feed: ${valid.err.msg} (line ${valid.err.line})`, 'ingest/bad-feed');
    const records = feedRecords(source, text);
    if (records instanceof InputError) return records;
    return records.flatMap((r) => {
      const url = absolute(r.url, body.url);
      return url ? [{ ...r, url }] : [];
    });
  }
  if (format === 'html') return articleLinks(text, body.url);
  return new InputError(source, `neither a feed nor a web page (${body.contentType ?? 'no content type'})`, 'ingest/bad-feed');
}

function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    u.hash = '';
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Page furniture whose links are navigation, not articles. */
const FURNITURE = 'nav, header, footer, aside, form, [role="navigation"]';

/**
 * A link on the page's own site whose path reads like an article's: a slug of three or more
 * words ("/2026/03/talks-set-for-monday") or a long number ("/story/4821773"); section fronts,
 * tags and the page itself are not.
 */
const ARTICLE_PATH = /(?:^|\/)(?:[^/]*[a-z0-9]+-[a-z0-9]+-[a-z0-9][^/]*|[^/]*\d{5,}[^/]*)\/?$/i;

export function articleLinks(html: string, pageUrl: string): WatchItem[] {
  const { document } = boundDepth(parseHTML(html));
  const page = new URL(pageUrl);
  const seen = new Set<string>([absolute(pageUrl, pageUrl)!]);
  const items: WatchItem[] = [];
  for (const a of document.querySelectorAll('a[href]') as Iterable<Element>) {
    if (a.closest(FURNITURE)) continue;
    const url = absolute(a.getAttribute('href') ?? undefined, pageUrl);
    if (!url || seen.has(url)) continue;
    const u = new URL(url);
    if (u.host !== page.host || !ARTICLE_PATH.test(u.pathname)) continue;
    seen.add(url);
    const title = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    items.push({ url, ...(title ? { title } : {}) });
  }
  return items;
}
