import { z } from 'zod';
import { ClaimView, ConflictView, EventRow, PageQuery, pageOf } from './common.js';
import { STATUSES, eventTypes } from '../../core/vocabulary.js';

export const Status = z.enum(STATUSES);
/** The declared event types as the server starts: the built-in ones and those of the user's lexicon files. */
export const eventType = (): z.ZodEnum<Record<string, string>> => z.enum([...eventTypes().keys()] as [string, ...string[]]);

/** Built when the routes are registered, so that a type declared by a user lexicon file filters too. */
export const eventQuery = () => PageQuery.extend({ status: Status.optional(), type: eventType().optional(), q: z.string().max(200).optional() });
export type EventQuery = z.infer<ReturnType<typeof eventQuery>>;

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
