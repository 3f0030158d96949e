/**
 * How the store keeps a document's analysis: JSON, deflated (node:zlib). The analysis is most
 * of a store's bytes and compresses about eight to one; it is read back only a document or a
 * page at a time. A store written before holds the JSON as text, and reads the same.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export function packJson(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value));
}

export function unpackJson<T>(stored: string | Uint8Array): T {
  return JSON.parse(typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8')) as T;
}
