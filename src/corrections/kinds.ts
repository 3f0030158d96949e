/**
 * The corrections an editor can make to the ledger, declared once (zod, types inferred): the
 * CLI builds them, the API validates them, the store keeps them, applyCorrections reads them.
 */
import { z } from 'zod';
import { StatusZ } from '../core/vocabulary.js';

const Id = z.string().min(1).max(400);

/** What the editor asks for. `target` is the ledger item the correction is about. */
export const CorrectionInput = z.discriminatedUnion('kind', [
  /** `others` are folded into `target`: their claims, conflicts and participants move to it. */
  z.strictObject({ kind: z.literal('merge-events'), target: Id, others: z.array(Id).min(1).max(100) }),
  /** `claims` of `target` become an event of their own. */
  z.strictObject({ kind: z.literal('split-event'), target: Id, claims: z.array(Id).min(1).max(1000), label: z.string().min(1).max(500).optional() }),
  /** `others` become names of `target`; whatever they said or took part in is `target`'s. */
  z.strictObject({ kind: z.literal('merge-entities'), target: Id, others: z.array(Id).min(1).max(100) }),
  z.strictObject({ kind: z.literal('alias'), target: Id, alias: z.string().trim().min(1).max(300) }),
  /** A claim or conflict that is wrong: it leaves the ledger (a rejected claim takes its conflicts with it). */
  z.strictObject({ kind: z.literal('reject'), target: Id }),
  /** A claim or conflict an editor has checked. */
  z.strictObject({ kind: z.literal('confirm'), target: Id }),
  z.strictObject({ kind: z.literal('set-status'), target: Id, status: StatusZ }),
  /** The entity that made a claim; null: no known source. */
  z.strictObject({ kind: z.literal('set-source'), target: Id, source: Id.nullable() }),
  z.strictObject({ kind: z.literal('note'), target: Id, text: z.string().trim().min(1).max(5000) }),
]);
export type CorrectionInput = z.infer<typeof CorrectionInput>;
export type CorrectionKind = CorrectionInput['kind'];
export const CORRECTION_KINDS = CorrectionInput.options.map((o) => o.shape.kind.value) as [CorrectionKind, ...CorrectionKind[]];

/** The ledger tables a correction may name. */
export const ITEMS = ['event', 'entity', 'claim', 'conflict'] as const;
export type Item = (typeof ITEMS)[number];

/** Which items each id of a correction may be: the target, and its other ids (others, claims, source). */
export const ROLES: Record<CorrectionKind, { target: readonly Item[]; rest?: Item }> = {
  'merge-events': { target: ['event'], rest: 'event' },
  'split-event': { target: ['event'], rest: 'claim' },
  'merge-entities': { target: ['entity'], rest: 'entity' },
  alias: { target: ['entity'] },
  reject: { target: ['claim', 'conflict'] },
  confirm: { target: ['claim', 'conflict'] },
  'set-status': { target: ['claim'] },
  'set-source': { target: ['claim'], rest: 'entity' },
  note: { target: ITEMS },
};

/** The other ids a correction names besides its target. */
export function otherIds(c: CorrectionInput): string[] {
  if (c.kind === 'merge-events' || c.kind === 'merge-entities') return c.others;
  if (c.kind === 'split-event') return c.claims;
  if (c.kind === 'set-source') return c.source === null ? [] : [c.source];
  return [];
}

/**
 * A claim: its id (made from its document's and kept with it), and where it is, its document
 * (named by its raw input's hash) and the span of its evidence, should the id change.
 */
export const ClaimAnchor = z.object({ claim: z.string(), document: z.string(), start: z.number().int(), end: z.number().int() });
export type ClaimAnchor = z.infer<typeof ClaimAnchor>;

/**
 * Enough to find an item again when its id has changed (event ids move as articles arrive):
 * the claims of an event or conflict, the place of a claim, the names of an entity.
 */
export const Anchor = z.object({ item: z.enum(ITEMS), claims: z.array(ClaimAnchor).default([]), names: z.array(z.string()).default([]) });
export type Anchor = z.infer<typeof Anchor>;

export const OUTCOMES = ['applied', 'orphaned', 'undone'] as const;
export type OutcomeState = (typeof OUTCOMES)[number];

/** A correction as kept: what was asked, how to re-find its items, who and when, and how it last applied. */
export const Correction = z.object({
  id: z.string(),
  input: CorrectionInput,
  /** Each id the correction names, with how to find it again. */
  anchors: z.record(z.string(), Anchor),
  by: z.string(),
  at: z.string(),
  undone: z.object({ by: z.string(), at: z.string() }).nullable(),
  /** The last ledger rebuild's verdict: applied (to the items in `resolved`), orphaned (why in `detail`), or undone. */
  state: z.enum(OUTCOMES),
  detail: z.string().nullable(),
  /** The ids the correction was applied to when they differ from the ones given (the item's id changed). */
  resolved: z.record(z.string(), z.string()),
});
export type Correction = z.infer<typeof Correction>;

/** What applyCorrections says of one correction. */
export interface Outcome {
  id: string;
  state: Exclude<OutcomeState, 'undone'>;
  detail: string | null;
  resolved: Record<string, string>;
}

// The fields a corrected row gains are declared with the rows (src/core/rows.ts).
export { CorrectionMarks } from '../core/rows.js';
