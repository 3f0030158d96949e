/**
 * buildDoc: one input item to a Doc with clean text, offset map and metadata.
 *   decode (decode.ts) -> article text by format (html/extract.ts, text/clean-plain.ts)
 *   -> metadata merged from the record, the page and the header lines -> language.
 * For a JSON record or a feed item, the offset map points into the record's `text` or
 * `html` field; for a file or URL, into its decoded bytes. `published` is left null:
 * time/ picks it from meta.dateCandidates.
 */
import { rawHash as rawHashOf } from '../core/id.js';
import { createDoc, emptyMeta } from '../core/doc.js';
import { InputError, type Message } from '../core/message.js';
import type { Doc, DocMeta } from '../core/types.js';
import type { InputItem } from '../ingest/index.js';
import { decodeBytes } from './decode.js';
import { extractHtml } from './html/extract.js';
import { cleanPlain } from './text/clean-plain.js';
import { detectLanguage } from './language.js';
import { wordShare, MIN_WORD_SHARE } from './words.js';

const isRecord = (item: InputItem): boolean => item.format === 'json-record' || item.format === 'feed-item';

/** The content to clean and whether it is HTML. */
function content(item: InputItem, messages: Message[]): { raw: string; html: boolean } {
  const r = item.record;
  if (isRecord(item) && r) {
    if (typeof r.html === 'string' && r.html.trim()) return { raw: r.html, html: true };
    if (typeof r.text === 'string' && r.text.trim()) return { raw: r.text, html: looksLikeHtml(r.text) };
    throw new InputError(item.source, 'record has no text or html', 'ingest/empty-record');
  }
  const decoded = decodeBytes(item.source, item.bytes);
  messages.push(...decoded.messages);
  if (!decoded.text.trim()) throw new InputError(item.source, 'empty input (white space only)', 'ingest/empty');
  const html = item.format === 'html' || ((item.format === 'txt' || item.format === 'unknown') && looksLikeHtml(decoded.text) && !isPlainWithTags(decoded.text));
  return { raw: decoded.text, html };
}

function looksLikeHtml(s: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body)/i.test(s) || /<(?:p|div|article|br)\b[^>]*>/i.test(s.slice(0, 5000));
}

/** Markdown or text that merely contains a tag or two is still text. */
function isPlainWithTags(s: string): boolean {
  return !/^\s*</.test(s) && (s.match(/<[a-z]/gi)?.length ?? 0) < 5;
}

function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Decode, find the article, clean it, and read its metadata. Throws InputError on bad input. */
/** A four-digit year of this or the last century. */
const YEAR = /\b(?:19|20)\d\d\b/;

export function buildDoc(item: InputItem): Doc {
  const rawHash = rawHashOf(item.bytes);
  const messages: Message[] = [];
  const { raw, html } = content(item, messages);
  const meta: DocMeta = emptyMeta(item.format);
  const rec = item.record ?? {};
  let text: string;
  let offsetMap: Array<[number, number]>;
  let headerLanguage: string | null = null;
  if (html) {
    let r;
    try {
      r = extractHtml(raw);
    } catch (err) {
      throw new InputError(item.source, `unreadable HTML: ${(err as Error).message.split('\n')[0]}`, 'ingest/bad-html');
    }
    ({ text, offsetMap } = r);
    meta.title = r.meta.title;
    meta.outlet = r.meta.outlet;
    meta.authors = r.meta.authors;
    meta.url = r.meta.url;
    meta.dateCandidates.push(...r.meta.dateCandidates);
  } else {
    const r = cleanPlain(raw);
    ({ text, offsetMap } = r);
    meta.title = r.title;
    meta.outlet = r.outlet;
    meta.authors = r.authors;
    meta.url = r.url;
    headerLanguage = r.language;
    meta.dateCandidates.push(...r.dateCandidates);
    // Dropped lines (captions, bylines) still tell which year the story is in; time/ reads
    // only their years, never a publication date from them.
    const withYear = r.dropped.map((d) => d.text).filter((t) => YEAR.test(t));
    if (withYear.length) meta.contextDates = withYear;
  }
  // What a record or feed says of itself outranks what the page guesses.
  if (rec.title?.trim()) meta.title = rec.title.trim();
  if (rec.outlet?.trim()) meta.outlet = rec.outlet.trim();
  if (rec.url && /^https?:\/\//i.test(rec.url)) meta.url ??= rec.url;
  if (rec.author) meta.authors = [...new Set([...([] as string[]).concat(rec.author).map((a) => a.trim()).filter(Boolean), ...meta.authors])];
  if (rec.published?.trim()) meta.dateCandidates.unshift({ raw: rec.published.trim(), source: 'metadata' });
  if (!meta.url && /^https?:\/\//i.test(item.source)) meta.url = item.source;
  meta.outlet ??= domainOf(meta.url);
  meta.language = detectLanguage(text) ?? headerLanguage;
  // A page or a short note may have no article text (a warning). Bytes that were not even valid
  // UTF-8 and clean to nothing were never text (random bytes read in a legacy encoding): reject
  // them rather than store an empty document.
  const guessed = messages.some((m) => m.ruleId === 'ingest/bad-encoding');
  if (!html && guessed && !text.trim()) throw new InputError(item.source, 'no readable text (nothing left after decoding and cleaning)', 'ingest/no-text');
  // Valid UTF-8 that is no text (printable noise, base64, numbers and symbols, perhaps with a
  // stray `<p` that makes it look like a page): hardly a word in what a file gave, or in the
  // article text found in it.
  if (!isRecord(item) && ((!html && wordShare(raw) < MIN_WORD_SHARE) || (text.trim() && wordShare(text) < MIN_WORD_SHARE))) {
    throw new InputError(item.source, 'no readable text (hardly any words: noise, encoded data or symbols)', 'ingest/no-text');
  }
  if (!text.trim()) messages.push({ reason: 'no article text found', ruleId: 'clean/no-text', fatal: false });
  const doc = createDoc({ id: `d${rawHash.slice(0, 16)}`, source: item.source, rawHash, text, offsetMap, meta });
  doc.messages.push(...messages);
  return doc;
}
