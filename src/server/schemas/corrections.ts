import { z } from 'zod';
import { Correction, CORRECTION_KINDS, OUTCOMES } from '../../corrections/kinds.js';

/**
 * A correction to make: its kind and ids (src/corrections/kinds.ts says which fields each kind
 * takes; the handler checks them there, once, so the API and the CLI accept the same things).
 */
export const CorrectionBody = z.looseObject({ kind: z.enum(CORRECTION_KINDS), target: z.string().min(1).max(400) });
export type CorrectionBody = z.infer<typeof CorrectionBody>;

export const CorrectionQuery = z.object({
  /** Only the corrections naming this item as their target. */
  target: z.string().min(1).max(400).optional(),
  state: z.enum(OUTCOMES).optional(),
});
export type CorrectionQuery = z.infer<typeof CorrectionQuery>;

export const CorrectionList = z.object({ items: z.array(Correction) });
export { Correction };
