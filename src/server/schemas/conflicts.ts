import { z } from 'zod';
import { ConflictView, PageQuery, pageOf } from './common.js';

import { ConflictKindZ } from '../../core/vocabulary.js';
export const ConflictQuery = PageQuery.extend({ kind: ConflictKindZ.optional(), event: z.string().max(400).optional() });
export type ConflictQuery = z.infer<typeof ConflictQuery>;

export const ConflictList = pageOf(ConflictView);
export { ConflictView };
