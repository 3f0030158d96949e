import { z } from 'zod';

/** How many of each record the store holds. */
export const Counts = z.object({
  documents: z.number().int(),
  entities: z.number().int(),
  statements: z.number().int(),
  events: z.number().int(),
  claims: z.number().int(),
  conflicts: z.number().int(),
});

export const Stats = Counts.extend({
  /** Documents stored but not analysed yet, for their language (ISO 639-1), by language; each document's language is in /api/documents. */
  notAnalysed: z.array(z.object({ language: z.string(), documents: z.number().int() })),
  /** True when POST /api/articles is enabled (a token was set at start). */
  ingest: z.boolean(),
});
