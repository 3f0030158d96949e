import type { FastifyInstance } from 'fastify';
import { json } from '../schemas/common.js';
import { Stats } from '../schemas/stats.js';

export async function statsRoutes(app: FastifyInstance, opts: { ingest: boolean }): Promise<void> {
  app.get('/api/stats', { schema: { response: { 200: json(Stats) } } }, async () => ({ ...(await app.reads.stats()), ingest: opts.ingest }));
}
