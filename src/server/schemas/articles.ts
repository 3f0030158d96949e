import { z } from 'zod';
import { Counts } from './stats.js';

/** An article to analyse: its text or its HTML, where it came from, and what it says of itself. */
export const ArticleBody = z.object({
  text: z.string().min(1).max(10_000_000).optional(),
  html: z.string().min(1).max(10_000_000).optional(),
  source: z.string().min(1).max(2000),
  title: z.string().max(2000).optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type ArticleBody = z.infer<typeof ArticleBody>;

export const ArticleResult = z.object({
  document: z.string(),
  /** False when the same input was already stored (re-posting adds nothing). */
  added: z.boolean(),
  statements: z.number().int(),
  claims: z.number().int(),
  counts: Counts,
});

