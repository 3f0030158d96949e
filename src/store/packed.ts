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
 * Documents whose text doc_slice keeps unpacked. A document's statements are read one after
 * another, so a few suffice; an event's claims come from many documents, and a longer list
 * found few more of them (a scan of every claim took as long with 8,192) while the texts it kept
 * outlived the young generation and piled up as garbage (TimelineJS at 50,000 articles peaked at
 * 613 MB with 256, 592 MB with 16).
 */
const SLICED_DOCUMENTS = 16;

/**
 * doc_text(text): a stored text in SQL (the search index's triggers read it). doc_slice(id,
 * text, start, end): the characters start..end of document `id`'s stored text (JavaScript's
 * UTF-16 offsets, which SQLite's substr does not count in), each text unpacked once while it is
 * among the last few asked for; doc_slice_known(id, start, end) the same for a text among those,
 * else NULL, so that `COALESCE(doc_slice_known(..), doc_slice(.., (SELECT text ..), ..))` reads
 * a document's row only when its text is not at hand (spanTextSql). Every connection of a SQLite
 * store registers them (statement and claim rows read their text through them).
 */
export function registerDocText(db: Database.Database): void {
  db.function('doc_text', { deterministic: true }, (stored: unknown) => (typeof stored === 'string' || stored instanceof Uint8Array ? unpackText(stored) : null));
  const recent = new Map<string, string>();
  db.function('doc_slice_known', (id: unknown, start: unknown, end: unknown) => {
    const text = typeof id === 'string' ? recent.get(id) : undefined;
    return text === undefined ? null : text.slice(Number(start), Number(end));
  });
  db.function('doc_slice', (id: unknown, stored: unknown, start: unknown, end: unknown) => {
    if (typeof id !== 'string' || !(typeof stored === 'string' || stored instanceof Uint8Array)) return null;
    let text = recent.get(id);
    if (text === undefined) {
      text = unpackText(stored);
      if (recent.size >= SLICED_DOCUMENTS) recent.delete(recent.keys().next().value!);
      recent.set(id, text);
    }
    return text.slice(Number(start), Number(end));
  });
}

/** The characters start..end of document `document`'s text, in SQL (all three SQL expressions): see registerDocText. */
export const spanTextSql = (document: string, start: string, end: string): string =>
  `COALESCE(doc_slice_known(${document}, ${start}, ${end}), doc_slice(${document}, (SELECT sd.text FROM documents sd WHERE sd.id = ${document}), ${start}, ${end}))`;

/**
 * A containment sample (clean/duplicates.ts: sorted base-36 numbers joined by spaces) as the store
 * keeps it: each number's distance from the one before as a base-128 varint, about half the bytes.
 */
export function packShingles(sample: string): Buffer {
  const out: number[] = [];
  let last = 0;
  for (const x of sample ? sample.split(' ').map((v) => parseInt(v, 36)) : []) {
    for (let d = x - last; ; d = Math.floor(d / 128)) {
      if (d < 128) {
        out.push(d);
        break;
      }
      out.push((d % 128) | 128);
    }
    last = x;
  }
  return Buffer.from(out);
}

/** A stored containment sample: packed, or as text (a store written before), or none yet (null: ''). */
export function unpackShingles(stored: string | Uint8Array | null): string {
  if (stored === null || typeof stored === 'string') return stored ?? '';
  const values: string[] = [];
  let last = 0;
  for (let i = 0; i < stored.length; ) {
    let d = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = stored[i++]!;
      d += (b & 127) * scale;
      if (b < 128) break;
    }
    last += d;
    values.push(last.toString(36));
  }
  return values.join(' ');
}
