/**
 * How walkback cites an article in what it writes for others (export, API, reports): by its
 * URL when the input gave one; a local file only by its name, never by the folders it sits in
 * (they say nothing to a reader and may say too much about the machine).
 */
import type { DocMeta } from './types.js';
import type { SourceFields } from './rows.js';

const URL_RE = /^https?:\/\//i;

/** A document's source as shown: a URL as it is, a path as its last segment ('a/b/c.txt#part2' -> 'c.txt#part2'). */
export function shareableSource(source: string): string {
  if (URL_RE.test(source)) return source;
  const cut = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
  return cut >= 0 ? source.slice(cut + 1) : source;
}

/** The URL a reader can open for a document, or null. */
export function documentUrl(meta: Pick<DocMeta, 'url'>, source: string): string | null {
  if (meta.url && URL_RE.test(meta.url)) return meta.url;
  return URL_RE.test(source) ? source : null;
}

/** How a reader is pointed to a document: its URL, else its file's name. */
export const citation = (url: string | null, source: string): string => url ?? shareableSource(source);

/** The source fields of a row whose document is not known. */
export const noSource = (): SourceFields => ({ url: null, outlet: null, authors: [], published: null });

/** Where a document was published, as every row of it carries it. */
export function sourceFields(meta: Pick<DocMeta, 'url' | 'outlet' | 'authors' | 'published'>, source: string): SourceFields {
  return { url: documentUrl(meta, source), outlet: meta.outlet, authors: meta.authors, published: meta.published?.date ?? null };
}

/** Words of a quote a text fragment spells out before it shortens to `start,end`. */
const FRAGMENT_WORDS = 10;

/**
 * A link to the quote inside the article (a text fragment, `#:~:text=`): browsers that know
 * them scroll to and highlight it, the others open the article. A long quote is cut to its
 * first and last words (`start,end`); each part is percent-encoded with `-`, `,` and `&`
 * escaped too, as the fragment syntax reserves them.
 */
export function quoteLink(url: string, quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (!words.length) return url;
  const enc = (s: string): string => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const half = FRAGMENT_WORDS / 2;
  const text = words.length > FRAGMENT_WORDS ? `${enc(words.slice(0, half).join(' '))},${enc(words.slice(-half).join(' '))}` : enc(words.join(' '));
  return `${url.replace(/#.*$/, '')}#:~:text=${text}`;
}
