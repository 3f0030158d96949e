import { z } from 'zod';
import { DocumentRef, DocumentRow, pageOf, StatementView, ClaimView } from './common.js';

export const DocumentSummary = DocumentRef.extend({ statements: z.number().int(), claims: z.number().int() });
export const DocumentList = pageOf(DocumentSummary);

/** A document with its text and every statement and claim in it (spans into the text, for highlighting). */
export const DocumentView = DocumentRow.extend({
  statements: z.array(StatementView),
  claims: z.array(ClaimView),
});
