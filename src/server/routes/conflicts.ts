import type { FastifyInstance } from 'fastify';
import { ErrorBody, IdParam, json } from '../schemas/common.js';
import { ConflictList, ConflictQuery, ConflictView } from '../schemas/conflicts.js';
import { answerMissing, missingResponses } from '../moved.js';

export async function conflictRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ConflictQuery }>(
    '/api/conflicts',
    { schema: { querystring: json(ConflictQuery, 'input'), response: { 200: json(ConflictList), 400: json(ErrorBody) } } },
    async (req) => app.reads.conflicts(req.query, { kind: req.query.kind, event: req.query.event }),
  );
  app.get<{ Params: IdParam }>(
    '/api/conflicts/:id',
    { schema: { params: json(IdParam, 'input'), response: { 200: json(ConflictView), ...missingResponses } } },
    async (req, reply) => (await app.reads.conflict(req.params.id)) ?? answerMissing(app, reply, 'conflict', '/api/conflicts', req.params.id),
  );
}
