/**
 * User overrides (lexicon 'entity-overrides', usually from a --lexicon file): merge surface
 * forms into one entity, keep forms apart, rename, set type and affiliation.
 */
import { z } from 'zod';
import { loadLexicon } from '../core/lexicon.js';
import { nameKey } from '../text/fold.js';

export const OverrideEntry = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  merge: z.array(z.string()).default([]),
  split: z.array(z.string()).default([]),
  type: z.enum(['person', 'organization', 'group', 'place', 'unknown']).optional(),
  affiliation: z.array(z.string()).optional(),
});
export type OverrideEntry = z.infer<typeof OverrideEntry>;

export interface Overrides {
  /** name key -> override */
  mergeKey: Map<string, OverrideEntry>;
  /** name keys that must not merge by surname or spelling */
  splitKey: Set<string>;
  entries: OverrideEntry[];
}

export function loadOverrides(): Overrides {
  const entries = loadLexicon('entity-overrides', OverrideEntry);
  const mergeKey = new Map<string, OverrideEntry>();
  const splitKey = new Set<string>();
  for (const e of entries) {
    for (const f of [...(e.name ? [e.name] : []), ...e.merge]) mergeKey.set(nameKey(f), e);
    for (const f of e.split) splitKey.add(nameKey(f));
  }
  return { mergeKey, splitKey, entries };
}
