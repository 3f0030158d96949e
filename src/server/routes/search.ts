import type { FastifyInstance } from 'fastify';
import { ErrorBody, json } from '../schemas/common.js';
import { SearchQuery, SearchResult } from '../schemas/search.js';
import { errorBody, sendError } from '../errors.js';
import { DeadlineError } from '../search-pool.js';
import { SearchUnavailableError } from '../plugins/store.js';

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: SearchQuery }>(
    '/api/search',
    { schema: { querystring: json(SearchQuery, 'input'), response: { 200: json(SearchResult), 400: json(ErrorBody), 503: json(ErrorBody) } } },
    async (req, reply) => {
      let result;
      try {
        result = await app.runSearch(req.query.q, req.query, req.query.in);
      } catch (err) {
        if (err instanceof SearchUnavailableError) return sendError(reply, errorBody(503, 'WB_UNAVAILABLE', err.message));
        if (!(err instanceof DeadlineError)) throw err;
        result = undefined;
      }
      // Past the deadline the deadline plugin has answered already.
      if (reply.sent) return reply;
      if (result === undefined) return sendError(reply, errorBody(503, 'WB_TIMEOUT', `q ${JSON.stringify(req.query.q)}: search not answered in time`));
      return result ?? sendError(reply, errorBody(400, 'WB_BAD_REQUEST', `q ${JSON.stringify(req.query.q)}: no words to search for`));
    },
  );
}
