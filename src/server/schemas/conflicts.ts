import { z } from 'zod';
import { ConflictView, PageQuery, pageOf } from './common.js';

export const ConflictKind = z.enum(['denial', 'reversal', 'walk_back', 'correction', 'contradiction']);
export const ConflictQuery = PageQuery.extend({ kind: ConflictKind.optional(), event: z.string().max(400).optional() });
export type ConflictQuery = z.infer<typeof ConflictQuery>;

export const ConflictList = pageOf(ConflictView);
export { ConflictView };
