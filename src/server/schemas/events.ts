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

/**
 * An event, a page of its claims in timeline order (statement date, else publication date;
 * `?limit=&offset=`, `event.claims` counts them all), the conflicts whose later claim is on
 * that page with both pieces of evidence, and those conflicts as episodes. An event of
 * thousands of claims is read a page at a time, never whole.
 */
export const EventDetail = z.object({
  event: EventSummary,
  timeline: z.array(ClaimView),
  page: z.object({ limit: z.number().int(), offset: z.number().int() }),
  conflicts: z.array(ConflictView),
  episodes: z.array(Episode),
});
