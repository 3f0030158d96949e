import type { FastifyInstance } from 'fastify';
import { ErrorBody, json } from '../schemas/common.js';
import { StoryFacets, StoryList, storyQuery, type StoryQuery } from '../schemas/story.js';

/** The story page: events to triage under filters, and the values those filters offer. */
export async function storyRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: StoryQuery }>(
    '/api/story',
    { schema: { querystring: json(storyQuery(), 'input'), response: { 200: json(StoryList), 400: json(ErrorBody) } } },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return app.reads.story({ limit, offset }, filter);
    },
  );
  app.get('/api/story/facets', { schema: { response: { 200: json(StoryFacets) } } }, async () => app.reads.storyFacets());
}
