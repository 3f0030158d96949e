/**
 * How the store keeps its large values, deflated (node:zlib): a document's analysis (JSON) and
 * its clean text. The analysis compresses about eight to one and the text about two and a half
 * to one; each is read back only a document or a page at a time. A store written before holds
 * them as text, and reads the same. A raw input is deflated too when that makes it smaller (a
 * page of HTML or text, about three to one): it is given back byte for byte, and its hash is of
 * those bytes.
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
 * A raw input as the store keeps it: deflated when that is shorter than the bytes, else the
 * bytes themselves, so that a stored value shorter than the input's size (raw_inputs.size) is
 * always a deflated one, and one of that size the input verbatim (a store written before).
 */
export function packRaw(bytes: Uint8Array): Uint8Array {
  const packed = deflateRawSync(bytes);
  return packed.length < bytes.length ? packed : bytes;
}

/** A raw input's bytes from its stored value and its size (see packRaw). */
export function unpackRaw(stored: Buffer, size: number): Buffer {
  return stored.length < size ? inflateRawSync(stored) : stored;
}

/**
 * doc_text(text): a stored text in SQL (the search index's triggers read it). Every connection
 * that writes documents or builds the search index registers it.
 */
export function registerDocText(db: Database.Database): void {
  db.function('doc_text', { deterministic: true }, (stored: unknown) => (typeof stored === 'string' || stored instanceof Uint8Array ? unpackText(stored) : null));
}
