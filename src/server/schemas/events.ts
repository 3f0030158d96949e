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

/** An event, its claims in timeline order (statement date), and its conflicts with both pieces of evidence. */
export const EventDetail = z.object({ event: EventSummary, timeline: z.array(ClaimView), conflicts: z.array(ConflictView) });
