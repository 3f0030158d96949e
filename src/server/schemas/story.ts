import { z } from 'zod';
import { pageOf } from './common.js';
import { eventQuery, EventSummary } from './events.js';
import { ConflictKindZ as ConflictKind } from '../../core/vocabulary.js';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The story page's filters: the event list's, and filters on the events' claims and conflicts (store/story.ts). */
export const storyQuery = () =>
  eventQuery().extend({
    minClaims: z.number().int().min(0).max(1000).default(0),
    outlet: z.string().max(400).optional(),
    language: z.string().max(40).optional(),
    speaker: z.string().max(400).optional(),
    side: z.string().max(400).optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    kind: ConflictKind.optional(),
  });
export type StoryQuery = z.infer<ReturnType<typeof storyQuery>>;

export const StoryList = pageOf(EventSummary).extend({ folded: z.number().int() });

const Facet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const StoryFacets = z.object({
  outlets: z.array(Facet),
  languages: z.array(Facet),
  speakers: z.array(Facet),
  sides: z.array(Facet),
  kinds: z.array(Facet),
  dates: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
});
