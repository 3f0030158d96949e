/**
 * /api/corrections: an editor's corrections (src/corrections/). Registered only when the
 * server starts with a token, in a child context with the same bearer-token hook as ingest.
 * Who made a correction: the `X-Walkback-User` header (the UI sends the name it asked for),
 * else the server's WALKBACK_USER or OS user.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorBody, IdParam, json } from '../schemas/common.js';
import { Correction, CorrectionBody, CorrectionList, CorrectionQuery } from '../schemas/corrections.js';
import { errorBody, sendError } from '../errors.js';
import { bearerHook } from './articles.js';
import { addCorrection, undoCorrection, CorrectionError } from '../../corrections/correct.js';
import { whoFrom } from '../../corrections/who.js';

const who = (req: FastifyRequest): string => {
  const h = req.headers['x-walkback-user'];
  return whoFrom(Array.isArray(h) ? h[0] : h);
};

/** A correction the ledger refuses: 404 for an unknown id, 400 for the rest. */
const refused = (err: CorrectionError): ErrorBody => (err.notFound ? errorBody(404, 'WB_NOT_FOUND', err.message) : errorBody(400, 'WB_BAD_REQUEST', err.message));

export async function correctionRoutes(app: FastifyInstance, opts: { token: string }): Promise<void> {
  app.addHook('onRequest', bearerHook(opts.token));
  const errors = { 400: json(ErrorBody), 401: json(ErrorBody), 404: json(ErrorBody) };
  app.get<{ Querystring: CorrectionQuery }>('/api/corrections', { schema: { querystring: json(CorrectionQuery, 'input'), response: { 200: json(CorrectionList), ...errors } } }, async (req) => ({
    items: (await app.port.corrections.list()).filter((c) => (!req.query.target || c.input.target === req.query.target || Object.values(c.resolved).includes(req.query.target)) && (!req.query.state || c.state === req.query.state)),
  }));
  app.post<{ Body: CorrectionBody }>('/api/corrections', { bodyLimit: 64 * 1024, schema: { body: json(CorrectionBody, 'input'), response: { 201: json(Correction), ...errors } } }, async (req, reply) => {
    try {
      return reply.code(201).send(await addCorrection(app.port, req.body, who(req)));
    } catch (err) {
      if (err instanceof CorrectionError) return sendError(reply, refused(err));
      throw err;
    }
  });
  app.delete<{ Params: IdParam }>('/api/corrections/:id', { schema: { params: json(IdParam, 'input'), response: { 200: json(Correction), ...errors } } }, async (req, reply) => {
    try {
      return await undoCorrection(app.port, req.params.id, who(req));
    } catch (err) {
      if (err instanceof CorrectionError) return sendError(reply, refused(err));
      throw err;
    }
  });
}
