import type { FastifyInstance } from 'fastify';
import { ErrorBody, json } from '../schemas/common.js';
import { SearchQuery, SearchResult } from '../schemas/search.js';
import { errorBody, sendError } from '../errors.js';

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: SearchQuery }>(
    '/api/search',
    { schema: { querystring: json(SearchQuery, 'input'), response: { 200: json(SearchResult), 400: json(ErrorBody) } } },
    async (req, reply) =>
      app.queries.search(req.query.q, req.query, req.query.in) ?? sendError(reply, errorBody(400, 'WB_BAD_REQUEST', `q ${JSON.stringify(req.query.q)}: no words to search for`)),
  );
}
