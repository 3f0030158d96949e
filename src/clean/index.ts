// PLACEHOLDER: the ingest helper replaces this file.
import { createHash } from 'node:crypto';
import { createDoc, emptyMeta } from '../core/doc.js';
import type { Doc } from '../core/types.js';
import type { InputItem } from '../ingest/index.js';

/** Decode, find the article, clean it, and read its metadata. Throws InputError on bad input. */
export function buildDoc(item: InputItem): Doc {
  const rawHash = createHash('sha256').update(item.bytes).digest('hex');
  const text = item.bytes.toString('utf8');
  return createDoc({ id: `d${rawHash.slice(0, 12)}`, source: item.source, rawHash, text, meta: emptyMeta(item.format) });
}
