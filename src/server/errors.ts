/**
 * Error bodies carry WB_... codes: { statusCode, code, message }. Validation failures are
 * WB_BAD_REQUEST, unknown ids and routes WB_NOT_FOUND; nothing else about a failure leaks.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorBody, ErrorCode } from './schemas/common.js';

export function errorBody(statusCode: number, code: ErrorCode, message: string): ErrorBody {
  return { statusCode, code, message };
}

export const notFound = (what: string, id: string): ErrorBody => errorBody(404, 'WB_NOT_FOUND', `no ${what} ${JSON.stringify(id)}`);

export function sendError(reply: FastifyReply, body: ErrorBody): FastifyReply {
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      const where = err.validationContext ?? 'request';
      return sendError(reply, errorBody(400, 'WB_BAD_REQUEST', `${where}: ${err.message}`));
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return sendError(reply, errorBody(413, 'WB_PAYLOAD_TOO_LARGE', err.message));
    if (status === 415) return sendError(reply, errorBody(415, 'WB_UNSUPPORTED', err.message));
    if (status >= 400 && status < 500) return sendError(reply, errorBody(status, 'WB_BAD_REQUEST', err.message));
    // Under `err`, escaped by the log's serializer (src/server/log.ts); logged bare, pino would
    // also copy the raw message into `msg`.
    req.log.error({ err }, 'internal error');
    return sendError(reply, errorBody(500, 'WB_INTERNAL', 'internal error'));
  });
  // ajv coerces "Infinity" and "1e400" to Infinity and then skips its range checks on a
  // number that is not finite: such a limit or offset reached SQLite and came back a 500.
  app.addHook('preHandler', async (req, reply) => {
    const q = req.query as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(q ?? {})) {
      if (typeof v === 'number' && !Number.isFinite(v)) return sendError(reply, errorBody(400, 'WB_BAD_REQUEST', `querystring/${k}: must be a finite number`));
    }
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, errorBody(404, 'WB_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`)));
}
