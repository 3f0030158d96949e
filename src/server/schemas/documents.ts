import { z } from 'zod';
import { DocumentRef, pageOf, StatementView, ClaimView } from './common.js';

export const DocumentSummary = DocumentRef.extend({ statements: z.number().int(), claims: z.number().int() });
export const DocumentList = pageOf(DocumentSummary);

/** A document with its text and every statement and claim in it (spans into the text, for highlighting). */
export const DocumentView = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  publishedFrom: z.string().nullable(),
  outlet: z.string().nullable(),
  authors: z.array(z.string()),
  language: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  text: z.string(),
  statements: z.array(StatementView),
  claims: z.array(ClaimView),
});
