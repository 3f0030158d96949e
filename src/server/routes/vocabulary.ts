import type { FastifyInstance } from 'fastify';
import { json } from '../schemas/common.js';
import { Vocabulary } from '../schemas/vocabulary.js';
import { CONFLICT_KINDS, STATUSES, conflictKindLabel, eventTypes, statusInfoOf } from '../../core/vocabulary.js';

/** The statuses, event types and conflict kinds with their labels: the web UI labels and filters by them instead of its own list. */
export async function vocabularyRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/vocabulary', { schema: { response: { 200: json(Vocabulary) } } }, async (): Promise<Vocabulary> => ({
    statuses: STATUSES.map((s) => statusInfoOf(s)).map(({ id, label, track }) => ({ id, label, track })),
    eventTypes: [...eventTypes().values()].map(({ id, label, scored }) => ({ id, label, scored })),
    conflictKinds: CONFLICT_KINDS.map((id) => ({ id, label: conflictKindLabel(id) })),
  }));
}
