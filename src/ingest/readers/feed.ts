/** An RSS, RDF or Atom feed: each item an article (content:encoded / content, else description). */
import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../../core/message.js';
import type { InputItem, ArticleRecord } from '../index.js';
import { recordItem } from '../record.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', processEntities: true, htmlEntities: true });

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o['#text']) ?? str(o.name) ?? str(o['@href']);
  }
  return undefined;
}

function link(v: unknown): string | undefined {
  for (const l of list(v)) {
    if (typeof l === 'string') return l.trim();
    const o = l as Record<string, unknown>;
    if (!o['@rel'] || o['@rel'] === 'alternate') return str(o['@href']) ?? str(o['#text']);
  }
  return undefined;
}

/** A feed's items as records (a link, title, date and whatever content it carries), or why it is no feed. */
export function feedRecords(source: string, text: string): ArticleRecord[] | InputError {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    return new InputError(source, `malformed feed: ${(err as Error).message.split('\n')[0]}`, 'ingest/bad-feed');
  }
  const rss = doc.rss as { channel?: Record<string, unknown> } | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  const channel = rss?.channel ?? (rdf?.channel as Record<string, unknown> | undefined);
  const items = list(rss?.channel?.item ?? rdf?.item ?? atom?.entry) as Array<Record<string, unknown>>;
  if (!rss && !rdf && !atom) return new InputError(source, 'not an RSS or Atom feed', 'ingest/bad-feed');
  const outlet = str(channel?.title) ?? str(atom?.title);
  return items.map((it) => {
    const rec: ArticleRecord = {
      url: link(it.link) ?? str(it.guid),
      title: str(it.title),
      html: str(it['content:encoded']) ?? str(it.content) ?? str(it.description) ?? str(it.summary),
      published: str(it.pubDate) ?? str(it.published) ?? str(it['dc:date']) ?? str(it.updated),
      outlet,
      author: list(it['dc:creator'] ?? it.author).map(str).filter((a): a is string => !!a),
    };
    for (const k of Object.keys(rec) as Array<keyof ArticleRecord>) if (rec[k] === undefined || (Array.isArray(rec[k]) && !(rec[k] as string[]).length)) delete rec[k];
    return rec;
  });
}

export function* readFeed(source: string, text: string): Generator<InputItem | InputError> {
  const records = feedRecords(source, text);
  if (records instanceof InputError) {
    yield records;
    return;
  }
  for (const [i, rec] of records.entries()) {
    if (!rec.html) yield new InputError(`${source}#${i}`, 'feed item has no content or description', 'ingest/empty-record');
    else yield recordItem(rec, `${source}#${i}`, 'feed-item');
  }
}
