/**
 * The rows of the ledger as it leaves walkback, declared once in zod: the export
 * (`walkback.export/v1`, ../shared/eval/FORMAT.md, whose fields are only ever added to), the
 * HTTP API's schemas (src/server/schemas) and the web UI read these, with the TypeScript types
 * inferred, so a field cannot be added in one place and silently dropped in another.
 */
import { z } from 'zod';

export const ExportSpan = z.object({ start: z.number().int(), end: z.number().int(), rule: z.string() });
export type ExportSpan = z.infer<typeof ExportSpan>;

/** A day as `YYYY-MM-DD`; anything coarser as an interval object; null when undated. */
export const ExportDate = z.union([
  z.string(),
  z.object({ start: z.string().nullable(), end: z.string().nullable(), granularity: z.string(), timex: z.string(), implied: z.boolean() }),
  z.null(),
]);
export type ExportDate = z.infer<typeof ExportDate>;

/**
 * Where an item was published: its article's URL (null when the input gave none), outlet,
 * authors and publication date. Every statement and claim carries them, so that a row cut out
 * of the ledger still says where it came from.
 */
export const SourceFields = z.object({
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  authors: z.array(z.string()),
  published: z.string().nullable(),
});
export type SourceFields = z.infer<typeof SourceFields>;

export const DocumentRow = z.object({
  id: z.string(),
  /** The URL it was read from, else the file's name (no folders): see core/source-ref.ts. */
  source: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  publishedFrom: z.string().nullable(),
  outlet: z.string().nullable(),
  authors: z.array(z.string()),
  language: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  text: z.string(),
});
export type DocumentRow = z.infer<typeof DocumentRow>;

/**
 * The fields a corrected ledger row gains in the export and the API (FORMAT.md's fields stay
 * as they are): changed by an editor, checked by one, by which corrections, and their notes
 * (src/corrections/).
 */
export const CorrectionMarks = z.object({
  corrected: z.literal(true).optional(),
  confirmed: z.literal(true).optional(),
  correctionIds: z.array(z.string()).optional(),
  notes: z.array(z.string()).optional(),
});
export type CorrectionMarks = z.infer<typeof CorrectionMarks>;

export const EntityRow = CorrectionMarks.extend({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  type: z.string(),
  roles: z.array(z.string()),
  affiliation: z.array(z.string()),
  side: z.string().nullable(),
});
export type EntityRow = z.infer<typeof EntityRow>;

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
  ...SourceFields.shape,
});
export type StatementRow = z.infer<typeof StatementRow>;

export const EventRow = CorrectionMarks.extend({
  id: z.string(),
  type: z.string(),
  participants: z.array(z.string()),
  label: z.string(),
  place: z.string().nullable(),
  time: ExportDate,
  status: z.string().nullable(),
});
export type EventRow = z.infer<typeof EventRow>;

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
  /** The party whose act the article narrates (conflicts count the claim as theirs); source stays the article. */
  actor: z.string().nullable().optional(),
  ...SourceFields.shape,
});
export type ClaimRow = z.infer<typeof ClaimRow>;

/** One side of a conflict: the document of that claim and where it was published. */
export const ConflictSource = z.object({ document: z.string(), ...SourceFields.shape });
export type ConflictSource = z.infer<typeof ConflictSource>;

export const ConflictRow = CorrectionMarks.extend({
  id: z.string(),
  kind: z.string(),
  claims: z.tuple([z.string(), z.string()]),
  event: z.string(),
  explanation: z.string(),
  rule: z.string(),
  /** Where each of the two claims was published, in the order of `claims`. */
  sources: z.tuple([ConflictSource, ConflictSource]),
});
export type ConflictRow = z.infer<typeof ConflictRow>;

export const WalkbackExport = z.object({
  schema: z.literal('walkback.export/v1'),
  documents: z.array(DocumentRow),
  entities: z.array(EntityRow),
  statements: z.array(StatementRow),
  events: z.array(EventRow),
  claims: z.array(ClaimRow),
  conflicts: z.array(ConflictRow),
});
export type WalkbackExport = z.infer<typeof WalkbackExport>;

// ---------------------------------------------------------------- views (the API and the UI)

/** A document as rows name it: where it was published, its title and language, its source as shown (core/source-ref.ts). */
export const DocumentRef = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  ...SourceFields.shape,
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const StatementView = StatementRow.extend({ speakerName: z.string().nullable(), doc: DocumentRef });
export type StatementView = z.infer<typeof StatementView>;

export const ClaimView = ClaimRow.extend({
  /** Who asserts it: the entity's name, the source as written, or the outlet (the article). */
  sourceName: z.string(),
  /** The side it is grouped under in a timeline: the source entity's side, else the source. */
  side: z.string(),
  /** The claim's date, else its document's publication date (the timeline order). */
  sortDate: z.string().nullable(),
  doc: DocumentRef,
});
export type ClaimView = z.infer<typeof ClaimView>;

/** A window of the document text around a piece of evidence: `start`/`end` inside `text`, which starts at `offset` in the document. */
export const Context = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), offset: z.number().int() });
export type Context = z.infer<typeof Context>;
export const ClaimEvidence = z.object({ claim: ClaimView.nullable(), context: Context.nullable() });
export type ClaimEvidence = z.infer<typeof ClaimEvidence>;
export const ConflictView = ConflictRow.extend({ eventLabel: z.string().nullable(), a: ClaimEvidence, b: ClaimEvidence });
export type ConflictView = z.infer<typeof ConflictView>;
/**
 * A conflict as search finds it: the row, its event's label and `date`, when its second claim
 * was made (its own date, else its article's publication date). The evidence sentences are the
 * conflict's own page's (GET /api/conflicts/:id): a page of hits stays small.
 */
export const ConflictHit = ConflictRow.extend({ eventLabel: z.string().nullable(), date: z.string().nullable() });
export type ConflictHit = z.infer<typeof ConflictHit>;
