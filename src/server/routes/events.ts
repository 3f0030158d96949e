import type { FastifyInstance } from 'fastify';
import { ErrorBody, IdParam, PageQuery, json } from '../schemas/common.js';
import { EventDetail, EventList, eventQuery, type EventQuery } from '../schemas/events.js';
import { answerMissing, missingResponses } from '../moved.js';

export async function eventRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: EventQuery }>(
    '/api/events',
    { schema: { querystring: json(eventQuery(), 'input'), response: { 200: json(EventList), 400: json(ErrorBody) } } },
    async (req) => app.reads.events(req.query, { status: req.query.status, type: req.query.type, q: req.query.q }),
  );
  app.get<{ Params: IdParam; Querystring: PageQuery }>(
    '/api/events/:id',
    { schema: { params: json(IdParam, 'input'), querystring: json(PageQuery, 'input'), response: { 200: json(EventDetail), ...missingResponses } } },
    async (req, reply) => (await app.reads.event(req.params.id, req.query)) ?? answerMissing(app, reply, 'event', '/api/events', req.params.id),
  );
}
