import type { FastifyInstance } from 'fastify';
import { ErrorBody, IdParam, PageQuery, json } from '../schemas/common.js';
import { DocumentList, DocumentView } from '../schemas/documents.js';
import { notFound, sendError } from '../errors.js';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: PageQuery }>(
    '/api/documents',
    { schema: { querystring: json(PageQuery, 'input'), response: { 200: json(DocumentList), 400: json(ErrorBody) } } },
    async (req) => app.reads.documents(req.query),
  );
  app.get<{ Params: IdParam }>(
    '/api/documents/:id',
    { schema: { params: json(IdParam, 'input'), response: { 200: json(DocumentView), 404: json(ErrorBody) } } },
    async (req, reply) => (await app.reads.document(req.params.id)) ?? sendError(reply, notFound('document', req.params.id)),
  );
}
