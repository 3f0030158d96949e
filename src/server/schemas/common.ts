/**
 * Shapes shared by every view: the export's rows (../shared/eval/FORMAT.md), pages, ids and
 * the error body. Each schema is written once in zod; Fastify gets its JSON Schema (request
 * validation, response serialization) and handlers get its TypeScript type. Ledger rows carry
 * the marks an editor's corrections add (src/corrections/kinds.ts).
 */
import { z } from 'zod';
import { CorrectionMarks } from '../../corrections/kinds.js';

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

export const ExportSpan = z.object({ start: z.number().int(), end: z.number().int(), rule: z.string() });

export const ExportDate = z.union([
  z.string(),
  z.object({ start: z.string().nullable(), end: z.string().nullable(), granularity: z.string(), timex: z.string(), implied: z.boolean() }),
  z.null(),
]);

export const DocumentRef = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
});

export const EntityRow = CorrectionMarks.extend({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  type: z.string(),
  roles: z.array(z.string()),
  affiliation: z.array(z.string()),
  side: z.string().nullable(),
});

export const StatementRow = z.object({
  id: z.string(),
  document: z.string(),
  speaker: z.string().nullable(),
  speakerText: z.string(),
  kind: z.string(),
  text: z.string(),
  cue: z.string().nullable(),
  addressee: z.string().nullable(),
  date: ExportDate,
  span: ExportSpan,
  content: ExportSpan,
  rule: z.string(),
});

export const StatementView = StatementRow.extend({ speakerName: z.string().nullable(), doc: DocumentRef });

export const EventRow = CorrectionMarks.extend({
  id: z.string(),
  type: z.string(),
  participants: z.array(z.string()),
  label: z.string(),
  place: z.string().nullable(),
  time: ExportDate,
  status: z.string().nullable(),
});

export const ClaimRow = CorrectionMarks.extend({
  id: z.string(),
  event: z.string(),
  document: z.string(),
  source: z.string().nullable(),
  sourceText: z.string().nullable(),
  status: z.string(),
  modality: z.string(),
  text: z.string(),
  statement: z.string().nullable(),
  date: ExportDate,
  copyOf: z.string().nullable(),
  span: ExportSpan,
  rule: z.string(),
  /** The acting party of a narrated claim (export.ts writes it only when there is one); without it here the API failed on such a claim. */
  actor: z.string().nullable().optional(),
});

export const ClaimView = ClaimRow.extend({ sourceName: z.string(), side: z.string(), sortDate: z.string().nullable(), doc: DocumentRef });

export const ConflictRow = CorrectionMarks.extend({
  id: z.string(),
  kind: z.string(),
  claims: z.tuple([z.string(), z.string()]),
  event: z.string(),
  explanation: z.string(),
  rule: z.string(),
});

export const Context = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), offset: z.number().int() });
export const ClaimEvidence = z.object({ claim: ClaimView.nullable(), context: Context.nullable() });
export const ConflictView = ConflictRow.extend({ eventLabel: z.string().nullable(), a: ClaimEvidence, b: ClaimEvidence });
