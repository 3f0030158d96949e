import { z } from 'zod';
import { ClaimView, ConflictView, EventRow, PageQuery, pageOf } from './common.js';

export const Status = z.enum(['proposed', 'agreed', 'not_agreed', 'planned', 'held', 'not_held', 'postponed', 'cancelled', 'possible', 'unlikely']);
export const EventType = z.enum(['meeting', 'call', 'deal', 'ceasefire', 'sanctions', 'visit', 'other']);

export const EventQuery = PageQuery.extend({ status: Status.optional(), type: EventType.optional(), q: z.string().max(200).optional() });
export type EventQuery = z.infer<typeof EventQuery>;

export const EventSummary = EventRow.extend({
  participantNames: z.array(z.string()),
  lastDate: z.string().nullable(),
  claims: z.number().int(),
  conflicts: z.number().int(),
});
export const EventList = pageOf(EventSummary);

/** A disputed claim and the conflicts over it (ids), as conflicts/episodes.ts groups them. */
export const Episode = z.object({ claim: z.string(), conflicts: z.array(z.string()) });

/** An event, its claims in timeline order (statement date), its conflicts with both pieces of evidence, and those conflicts as episodes. */
export const EventDetail = z.object({ event: EventSummary, timeline: z.array(ClaimView), conflicts: z.array(ConflictView), episodes: z.array(Episode) });
