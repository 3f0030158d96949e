import type { FastifyInstance } from 'fastify';
import { ErrorBody, IdParam, json } from '../schemas/common.js';
import { EntityList, EntityQuery, EntitySummary } from '../schemas/entities.js';
import { answerMissing, missingResponses } from '../moved.js';

export async function entityRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: EntityQuery }>(
    '/api/entities',
    { schema: { querystring: json(EntityQuery, 'input'), response: { 200: json(EntityList), 400: json(ErrorBody) } } },
    async (req) => app.reads.entities(req.query, req.query.q),
  );
  // What the entity said over time: GET /api/statements?speaker=ID.
  app.get<{ Params: IdParam }>(
    '/api/entities/:id',
    { schema: { params: json(IdParam, 'input'), response: { 200: json(EntitySummary), ...missingResponses } } },
    async (req, reply) => (await app.reads.entity(req.params.id)) ?? answerMissing(app, reply, 'entity', '/api/entities', req.params.id),
  );
}
