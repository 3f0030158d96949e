/**
 * On a loopback server, a request must name a loopback host: a web page on another site that
 * points its own name at 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
 */
import { isIP } from 'node:net';
import fp from 'fastify-plugin';

/** 127.x.x.x, ::1 or localhost: reachable from this machine only. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}
import { errorBody, sendError } from '../errors.js';

/** A Host header naming localhost (or a *.localhost name), 127.x.x.x or [::1], with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
  return name.endsWith('.localhost') || isLoopbackAddress(name);
}

export const hostCheckPlugin = fp(
  async (app) => {
    app.addHook('onRequest', async (req, reply) => {
      const host = req.headers.host ?? '';
      if (!isLoopbackHost(host.toLowerCase())) return sendError(reply, errorBody(421, 'WB_BAD_REQUEST', `Host ${JSON.stringify(host)}: this server answers only to localhost and 127.0.0.1`));
    });
  },
  { name: 'walkback-host-check', fastify: '5.x' },
);
