/**
 * What `watch` found, for subscribers: GET /api/changes?since= (new claims, conflicts and
 * status changes after a cursor or a time) and GET /alerts.atom (the alerts as an Atom feed).
 * A store `watch` never ran on has no changes.
 */
import type { FastifyInstance } from 'fastify';
import { ErrorBody, json } from '../schemas/common.js';
import { ChangeList, ChangesQuery } from '../schemas/watch.js';
import { errorBody, sendError } from '../errors.js';
import { alertsAtom } from '../../watch/atom.js';

/** Entries in the Atom feed: the newest alerts. */
const FEED_SIZE = 100;

export async function watchRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ChangesQuery }>(
    '/api/changes',
    { schema: { querystring: json(ChangesQuery, 'input'), response: { 200: json(ChangeList), 400: json(ErrorBody) } } },
    async (req, reply) => {
      const since = req.query.since?.trim();
      let from: { seq?: number; time?: string } = {};
      if (since && /^\d+$/.test(since)) from = { seq: Number(since) };
      else if (since) {
        const t = Date.parse(since);
        if (Number.isNaN(t)) return sendError(reply, errorBody(400, 'WB_BAD_REQUEST', `querystring/since: expected a cursor (a whole number) or a time (ISO 8601), got ${JSON.stringify(since)}`));
        from = { time: new Date(t).toISOString() };
      }
      const rows = await app.reads.changes(from, { limit: req.query.limit });
      return {
        cursor: rows.at(-1)?.seq ?? from.seq ?? 0,
        items: rows.map((r) => ({ seq: r.seq, kind: r.kind as 'claim', at: r.at, alert: r.alert === 1, change: JSON.parse(r.body) as unknown })),
      };
    },
  );
  app.get('/alerts.atom', async (req, reply) => {
    const rows = await app.reads.changes({}, { alertsOnly: true, limit: FEED_SIZE, newestFirst: true });
    return reply.type('application/atom+xml; charset=utf-8').send(alertsAtom(rows, `${req.protocol}://${req.host}/alerts.atom`));
  });
}
