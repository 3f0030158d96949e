/**
 * How the store keeps its large values, deflated (node:zlib): a document's analysis (JSON) and
 * its clean text. The analysis compresses about eight to one and the text about two and a half
 * to one; each is read back only a document or a page at a time. A store written before holds
 * them as text, and reads the same.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';

export function packJson(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value));
}

export function unpackJson<T>(stored: string | Uint8Array): T {
  return JSON.parse(typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8')) as T;
}

/** A document's clean text as the store keeps it. */
export function packText(text: string): Buffer {
  return deflateRawSync(text);
}

/** A document's clean text as stored: packed, or as text (a store written before). */
export function unpackText(stored: string | Uint8Array): string {
  return typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
}

/**
 * doc_text(text): a stored text in SQL (the search index's triggers read it). Every connection
 * that writes documents or builds the search index registers it.
 */
export function registerDocText(db: Database.Database): void {
  db.function('doc_text', { deterministic: true }, (stored: unknown) => (typeof stored === 'string' || stored instanceof Uint8Array ? unpackText(stored) : null));
}
