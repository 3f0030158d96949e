/**
 * POST /api/articles: analyse one article into the store. Registered only when the server
 * starts with a token, in a child context that alone carries the bearer-token hook.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody, json } from '../schemas/common.js';
import { ArticleBody, ArticleResult } from '../schemas/articles.js';
import { errorBody, sendError } from '../errors.js';
import { ingestArticle } from '../ingest.js';
import { InputError } from '../../core/message.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function bearerHook(token: string) {
  const want = digest(token);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1]!), want)) {
      reply.header('www-authenticate', 'Bearer realm="walkback"');
      await sendError(reply, errorBody(401, 'WB_UNAUTHORIZED', 'a valid "Authorization: Bearer <token>" header is required'));
    }
  };
}

export async function articleRoutes(app: FastifyInstance, opts: { token: string }): Promise<void> {
  app.addHook('onRequest', bearerHook(opts.token));
  app.post<{ Body: ArticleBody }>(
    '/api/articles',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: { body: json(ArticleBody, 'input'), response: { 201: json(ArticleResult), 200: json(ArticleResult), 400: json(ErrorBody), 401: json(ErrorBody) } },
    },
    async (req, reply) => {
      const { text, html } = req.body;
      if ((text === undefined) === (html === undefined)) return sendError(reply, errorBody(400, 'WB_BAD_REQUEST', 'body: give exactly one of text or html'));
      let result;
      try {
        result = await ingestArticle(app.port, req.body);
      } catch (err) {
        // Bad input (empty, unreadable HTML) is the client's; anything else is ours.
        if (err instanceof InputError) return sendError(reply, errorBody(400, 'WB_BAD_REQUEST', `body: ${err.message}`));
        throw err;
      }
      return reply.code(result.added ? 201 : 200).send(result);
    },
  );
}
