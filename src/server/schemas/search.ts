import { z } from 'zod';
import { ConflictHit, PageQuery, pageOf, StatementView } from './common.js';
import { EventSummary } from './events.js';
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
  /** Searched with `in=all` only (empty otherwise). */
  events: pageOf(z.object({ item: EventSummary, snippet: z.string() })),
  /** Each conflict without its evidence sentences (core/rows.ts ConflictHit; `GET /api/conflicts/:id` has them). */
  conflicts: pageOf(z.object({ item: ConflictHit, snippet: z.string() })),
});
