import type { FastifyInstance } from 'fastify';
import { ErrorBody, IdParam, StatementView, json } from '../schemas/common.js';
import { StatementList, StatementQuery } from '../schemas/statements.js';
import { notFound, sendError } from '../errors.js';

export async function statementRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: StatementQuery }>(
    '/api/statements',
    { schema: { querystring: json(StatementQuery, 'input'), response: { 200: json(StatementList), 400: json(ErrorBody) } } },
    async (req) => app.reads.statements(req.query, { speaker: req.query.speaker, document: req.query.document }),
  );
  app.get<{ Params: IdParam }>(
    '/api/statements/:id',
    { schema: { params: json(IdParam, 'input'), response: { 200: json(StatementView), 404: json(ErrorBody) } } },
    async (req, reply) => (await app.reads.statement(req.params.id)) ?? sendError(reply, notFound('statement', req.params.id)),
  );
}
