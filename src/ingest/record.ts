/**
 * A JSON record or feed item as an article: field names mapped (option fieldMap), values
 * checked, and the canonical JSON that is its raw bytes (its hash is the doc's rawHash).
 */
import type { InputItem, ArticleRecord } from './index.js';

const FIELDS = ['url', 'title', 'text', 'html', 'published', 'outlet', 'author'] as const;

/** Common other names for the record fields, used when fieldMap does not say. */
const ALIASES: Record<string, (typeof FIELDS)[number]> = {
  link: 'url', href: 'url', headline: 'title', body: 'text', content: 'text', article: 'text',
  maintext: 'text', date: 'published', pubdate: 'published', datepublished: 'published', published_at: 'published',
  publishedat: 'published', source: 'outlet', site: 'outlet', publisher: 'outlet', authors: 'author', byline: 'author',
};

export function mapRecord(obj: Record<string, unknown>, fieldMap: Record<string, string> = {}): ArticleRecord {
  const rec: Record<string, unknown> = {};
  const take = (field: string, v: unknown): void => {
    if (rec[field] !== undefined || v === null || v === undefined) return;
    if (field === 'author') {
      const list = ([] as unknown[]).concat(v).map((a) => (a && typeof a === 'object' ? (a as { name?: unknown }).name : a)).filter((a): a is string => typeof a === 'string' && a.trim() !== '');
      if (list.length) rec.author = list;
    } else if (field === 'outlet' && typeof v === 'object') {
      const name = (v as { name?: unknown }).name;
      if (typeof name === 'string') rec.outlet = name;
    } else if (typeof v === 'string' || typeof v === 'number') rec[field] = String(v);
  };
  // fieldMap maps a record's own name to ours: { body_text: 'text' }.
  for (const [theirs, ours] of Object.entries(fieldMap)) take(ours, obj[theirs]);
  for (const f of FIELDS) take(f, obj[f]);
  for (const [k, v] of Object.entries(obj)) {
    const alias = ALIASES[k.toLowerCase()];
    if (alias) take(alias, v);
  }
  return rec as ArticleRecord;
}

/** JSON with sorted keys: the same record always has the same bytes and hash. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function recordItem(record: ArticleRecord, fallbackSource: string, format: 'json-record' | 'feed-item'): InputItem {
  const source = record.url && /^https?:\/\//i.test(record.url) ? record.url : fallbackSource;
  return { source, bytes: Buffer.from(canonicalJson(record), 'utf8'), format, record };
}
