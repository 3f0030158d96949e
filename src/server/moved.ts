/**
 * A detail route's answer for an id it does not hold: where a rebuild moved it (a 308 to the
 * one id it went to, a 300 naming the ids it was split into), else 404. Shared links to an
 * event, entity or conflict so survive merges and splits (docs/incremental.md).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RedirectKind } from '../store/redirects.js';
import { MovedBody, ErrorBody, json } from './schemas/common.js';
import { notFound, sendError } from './errors.js';

/** The response schemas of a detail route besides its 200. */
export const missingResponses = { 300: json(MovedBody), 308: json(MovedBody), 404: json(ErrorBody) };

export async function answerMissing(app: FastifyInstance, reply: FastifyReply, kind: RedirectKind, base: string, id: string): Promise<FastifyReply> {
  const to = await app.reads.redirect(kind, id);
  if (!to.length) return sendError(reply, notFound(kind, id));
  const body: MovedBody = { statusCode: to.length === 1 ? 308 : 300, code: 'WB_MOVED', message: `${kind} ${JSON.stringify(id)} is now ${to.map((t) => JSON.stringify(t)).join(', ')}`, movedTo: to };
  if (to.length === 1) reply.header('location', `${base}/${encodeURIComponent(to[0]!)}`);
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}
