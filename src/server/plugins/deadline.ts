/**
 * Every request has a deadline: a request not answered within it gets 503 WB_TIMEOUT, and a
 * handler that finishes later finds its reply already sent. Work that can overrun (search)
 * runs off the event loop, so the timer can fire while it runs.
 */
import fp from 'fastify-plugin';
import { errorBody, sendError } from '../errors.js';

export const DEFAULT_DEADLINE_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    deadlineTimer?: NodeJS.Timeout;
  }
}

export const deadlinePlugin = fp<{ ms: number }>(
  async (app, { ms }) => {
    app.addHook('onRequest', async (req, reply) => {
      req.deadlineTimer = setTimeout(() => {
        if (!reply.sent) void sendError(reply, errorBody(503, 'WB_TIMEOUT', `${req.method} ${req.url.split('?')[0]}: not answered within ${ms} ms`));
      }, ms).unref();
    });
    app.addHook('onResponse', async (req) => clearTimeout(req.deadlineTimer));
    app.addHook('onRequestAbort', async (req) => clearTimeout(req.deadlineTimer));
  },
  { name: 'walkback-deadline', fastify: '5.x' },
);
