/**
 * One posted article into the store, in memory (no temp file): the same clean and
 * per-document stages as `walkback analyze`, then the ledger rebuilt over every document.
 */
import type { Doc } from '../core/types.js';
import type { InputItem } from '../ingest/index.js';
import { buildDoc } from '../clean/index.js';
import { analyzeDoc } from '../pipeline.js';
import { rebuildStoreLedger, saveAnalyzedTo } from '../run-port.js';
import type { StoreCounts } from '../store/store.js';
import type { DocumentStore } from '../store/port.js';
import type { ArticleBody } from './schemas/articles.js';

export interface IngestResult {
  document: string;
  added: boolean;
  statements: number;
  claims: number;
  counts: StoreCounts;
}

export async function ingestArticle(store: DocumentStore, body: ArticleBody): Promise<IngestResult> {
  const content = body.html ?? body.text ?? '';
  const isUrl = /^https?:\/\//i.test(body.source);
  const item: InputItem = {
    source: body.source,
    bytes: Buffer.from(content, 'utf8'),
    format: body.html !== undefined ? 'html' : 'txt',
    record: { url: isUrl ? body.source : undefined, title: body.title, published: body.published, ...(body.html !== undefined ? { html: body.html } : { text: body.text }) },
  };
  const doc: Doc = buildDoc(item);
  if ((await store.storedHashes([doc.rawHash])).size) {
    return { document: doc.id, added: false, statements: 0, claims: 0, counts: await store.counts() };
  }
  if (body.title && !doc.meta.title) doc.meta.title = body.title;
  if (isUrl && !doc.meta.url) doc.meta.url = body.source;
  analyzeDoc(doc, { published: body.published });
  doc.tokens = [];
  const added = (await saveAnalyzedTo(store, [{ doc, raw: item.bytes }])) > 0;
  if (added) await rebuildStoreLedger(store);
  return { document: doc.id, added, statements: doc.statements.length, claims: doc.claims.length, counts: await store.counts() };
}
