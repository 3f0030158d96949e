import { z } from 'zod';
import { TRACKS } from '../../core/vocabulary.js';

/** The ledger's vocabulary (data/lexicons/ledger.yml), for clients to label and filter by. */
export const Vocabulary = z.object({
  statuses: z.array(z.object({ id: z.string(), label: z.string(), track: z.enum(TRACKS) })),
  eventTypes: z.array(z.object({ id: z.string(), label: z.string(), scored: z.boolean() })),
  conflictKinds: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type Vocabulary = z.infer<typeof Vocabulary>;
