import { textOfBytes } from '../clean/decode.js';

/**
 * The format of an input, from its extension or content type, else by sniffing its first
 * bytes. Record formats (json, jsonl, feed) are expanded into articles by readers/.
 */
export type InputFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl' | 'feed' | 'unknown';

const BY_EXTENSION: Record<string, InputFormat> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', xhtml: 'html',
  json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', rss: 'feed', atom: 'feed', xml: 'feed',
};

export function formatFromName(name: string): InputFormat {
  const m = /\.([a-z0-9]+)$/i.exec(name.replace(/[?#].*$/, ''));
  return (m && BY_EXTENSION[m[1]!.toLowerCase()]) || 'unknown';
}

export function formatFromContentType(ct: string | null): InputFormat {
  if (!ct) return 'unknown';
  const t = ct.toLowerCase();
  if (t.includes('html')) return 'html';
  if (t.includes('rss') || t.includes('atom') || t.includes('xml')) return 'feed';
  if (t.includes('ndjson') || t.includes('jsonl')) return 'jsonl';
  if (t.includes('json')) return 'json';
  if (t.includes('markdown')) return 'md';
  if (t.startsWith('text/')) return 'txt';
  return 'unknown';
}

/** How far (bytes) past the XML declaration, comments and doctype the first element is looked for. */
const PROLOG_BYTES = 256 * 1024;
/** An XML declaration, processing instruction, comment or doctype, with the blanks after it. */
const PROLOG_ITEM = /\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>)/iy;

/** Whether the first element, past a prolog of any length (long licence comments, stylesheets), is a feed's root. */
function rootIsFeed(text: string): boolean {
  const item = new RegExp(PROLOG_ITEM);
  let at = 0;
  while (item.exec(text)) at = item.lastIndex;
  return /^\s*<(?:rss|feed|rdf:RDF)\b/i.test(text.slice(at, at + 200));
}

/** Look at the first non-blank characters (UTF-16 read as such). */
export function sniffFormat(bytes: Buffer): InputFormat {
  const head = textOfBytes(bytes, 4096).trimStart();
  if (head.startsWith('<')) {
    if (/<(?:rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
    // A feed whose root element comes after a long prolog: the root decides, not the first 4 KB.
    if (rootIsFeed(textOfBytes(bytes, PROLOG_BYTES))) return 'feed';
    return 'html';
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const lines = head.split('\n').filter((l) => l.trim());
    return lines.length > 1 && lines.slice(0, 2).every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) ? 'jsonl' : 'json';
  }
  return 'txt';
}

/** The format to use: a known extension wins unless it is a generic one the bytes contradict. */
export function resolveFormat(hint: InputFormat, bytes: Buffer): InputFormat {
  if (hint === 'unknown') return sniffFormat(bytes);
  if (hint === 'feed') {
    const sniffed = sniffFormat(bytes);
    return sniffed === 'feed' ? 'feed' : sniffed === 'html' ? 'html' : 'feed';
  }
  return hint;
}
