/**
 * One posted article into the store, in memory (no temp file): the same clean and
 * per-document stages as `walkback analyze`, then the ledger rebuilt over every document.
 */
import type { Doc } from '../core/types.js';
import type { InputItem } from '../ingest/index.js';
import { buildDoc } from '../clean/index.js';
import { analyzeDoc } from '../pipeline.js';
import { rebuildLedger, saveAnalyzed } from '../run.js';
import type { Store, StoreCounts } from '../store/store.js';
import type { ArticleBody } from './schemas/articles.js';

export interface IngestResult {
  document: string;
  added: boolean;
  statements: number;
  claims: number;
  counts: StoreCounts;
}

export function ingestArticle(store: Store, body: ArticleBody): IngestResult {
  const content = body.html ?? body.text ?? '';
  const isUrl = /^https?:\/\//i.test(body.source);
  const item: InputItem = {
    source: body.source,
    bytes: Buffer.from(content, 'utf8'),
    format: body.html !== undefined ? 'html' : 'txt',
    record: { url: isUrl ? body.source : undefined, title: body.title, published: body.published, ...(body.html !== undefined ? { html: body.html } : { text: body.text }) },
  };
  const doc: Doc = buildDoc(item);
  if (store.knownHashes().has(doc.rawHash)) {
    return { document: doc.id, added: false, statements: 0, claims: 0, counts: store.counts() };
  }
  if (body.title && !doc.meta.title) doc.meta.title = body.title;
  if (isUrl && !doc.meta.url) doc.meta.url = body.source;
  analyzeDoc(doc, { published: body.published });
  doc.tokens = [];
  const added = saveAnalyzed(store, [{ doc, raw: item.bytes }]) > 0;
  if (added) rebuildLedger(store);
  return { document: doc.id, added, statements: doc.statements.length, claims: doc.claims.length, counts: store.counts() };
}
