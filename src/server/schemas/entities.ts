import { z } from 'zod';
import { EntityRow, PageQuery, pageOf } from './common.js';

export const EntityQuery = PageQuery.extend({ q: z.string().max(200).optional() });
export type EntityQuery = z.infer<typeof EntityQuery>;

export const EntitySummary = EntityRow.extend({ statements: z.number().int(), claims: z.number().int() });
export const EntityList = pageOf(EntitySummary);
