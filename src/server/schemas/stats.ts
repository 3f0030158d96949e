import { z } from 'zod';

export const Stats = z.object({
  documents: z.number().int(),
  entities: z.number().int(),
  statements: z.number().int(),
  events: z.number().int(),
  claims: z.number().int(),
  conflicts: z.number().int(),
  /** True when POST /api/articles is enabled (a token was set at start). */
  ingest: z.boolean(),
});
