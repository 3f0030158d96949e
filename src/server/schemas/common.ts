/**
 * Shapes shared by every view: the export's rows (declared once in src/core/rows.ts, with the
 * marks an editor's corrections add), pages, ids and the error body. Each schema is written
 * once in zod; Fastify gets its JSON Schema (request validation, response serialization) and
 * handlers get its TypeScript type.
 */
import { z } from 'zod';

/** A zod schema as the JSON Schema (draft-07) Fastify's ajv and fast-json-stringify read. */
export function json(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

export const ErrorCode = z.enum(['WB_BAD_REQUEST', 'WB_NOT_FOUND', 'WB_UNAUTHORIZED', 'WB_PAYLOAD_TOO_LARGE', 'WB_UNSUPPORTED', 'WB_TIMEOUT', 'WB_UNAVAILABLE', 'WB_INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  statusCode: z.number().int(),
  code: ErrorCode,
  message: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * An id a rebuild dropped (an event merged or split, an entity renamed): where it went, most
 * shared members first (src/store/redirects.ts). Sent with 308 and a Location when it went to
 * one id, with 300 when it was split.
 */
export const MovedBody = z.object({
  statusCode: z.number().int(),
  code: z.literal('WB_MOVED'),
  message: z.string(),
  movedTo: z.array(z.string()),
});
export type MovedBody = z.infer<typeof MovedBody>;

export const IdParam = z.object({ id: z.string().min(1).max(400) });
export type IdParam = z.infer<typeof IdParam>;

export const PageQuery = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) });

export { ExportSpan, ExportDate, EntityRow, StatementRow, EventRow, ClaimRow, ConflictRow, DocumentRow, SourceFields, DocumentRef, StatementView, ClaimView, Context, ClaimEvidence, ConflictView, ConflictHit } from '../../core/rows.js';
