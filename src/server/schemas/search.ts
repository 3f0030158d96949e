import { z } from 'zod';
import { PageQuery, pageOf, StatementView } from './common.js';
import { DocumentSummary } from './documents.js';

export const SearchQuery = PageQuery.extend({
  q: z.string().min(1).max(500),
  in: z.enum(['all', 'statements', 'documents']).default('all'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** Hits best first; `snippet` marks the matching words with U+E000 ... U+E001. */
export const SearchResult = z.object({
  query: z.string(),
  statements: pageOf(z.object({ item: StatementView, snippet: z.string() })),
  documents: pageOf(z.object({ item: DocumentSummary, snippet: z.string() })),
});
