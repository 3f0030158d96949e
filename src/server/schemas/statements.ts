import { z } from 'zod';
import { PageQuery, pageOf, StatementView } from './common.js';

export const StatementQuery = PageQuery.extend({ speaker: z.string().max(400).optional(), document: z.string().max(400).optional() });
export type StatementQuery = z.infer<typeof StatementQuery>;

/** Statements oldest first: what a speaker said over time, or what one document reports. */
export const StatementList = pageOf(StatementView);
