import { z } from 'zod';

/** `since`: a cursor (the `cursor` of an earlier answer) or a time (ISO 8601); absent: from the start. */
export const ChangesQuery = z.object({
  since: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

/** A new claim, conflict or status change as `watch` found it; `change` is the alert's body (see src/watch/changes.ts). */
export const ChangeItem = z.object({
  seq: z.number().int(),
  kind: z.enum(['claim', 'conflict', 'status']),
  at: z.string(),
  alert: z.boolean(),
  change: z.unknown(),
});

/** `cursor`: pass it as `since` next time for what came after these. */
export const ChangeList = z.object({ cursor: z.number().int(), items: z.array(ChangeItem) });
