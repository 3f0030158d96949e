import type { FastifyInstance } from 'fastify';
import { ErrorBody, IdParam, json } from '../schemas/common.js';
import { ConflictList, ConflictQuery, ConflictView } from '../schemas/conflicts.js';
import { notFound, sendError } from '../errors.js';

export async function conflictRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ConflictQuery }>(
    '/api/conflicts',
    { schema: { querystring: json(ConflictQuery, 'input'), response: { 200: json(ConflictList), 400: json(ErrorBody) } } },
    async (req) => app.queries.conflicts(req.query, { kind: req.query.kind, event: req.query.event }),
  );
  app.get<{ Params: IdParam }>(
    '/api/conflicts/:id',
    { schema: { params: json(IdParam, 'input'), response: { 200: json(ConflictView), 404: json(ErrorBody) } } },
    async (req, reply) => app.queries.conflict(req.params.id) ?? sendError(reply, notFound('conflict', req.params.id)),
  );
}
