/** A refiner takes the drafts (sorted by content start) and returns a new list. */
import type { AttributionContext, CueSite, Draft } from '../context.js';

export interface Refiner {
  id: string;
  refine: (ctx: AttributionContext, drafts: Draft[], sites: CueSite[]) => Draft[];
}
