/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies, read loosely */
/** The API over the invented story (fixture.ts), built before a file's tests and closed after them. */
import { beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { storyStore } from './fixture.js';
import { tempDir } from '../helpers/tmp.js';
import type { SqliteStore } from '../../src/store/sqlite.js';

export interface StoryApp {
  /** The app, once built (in beforeAll). */
  app: () => FastifyInstance;
  store: () => SqliteStore;
  get: (url: string) => Promise<{ status: number; body: Record<string, any> }>;
}

/** Register hooks that serve the story with `extraEvents` claimless events added. */
export function useStoryApp(extraEvents: number): StoryApp {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = storyStore(join(tempDir(), 'story.db'), extraEvents);
    app = await buildApp({ store, uiRoot: null });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });
  return {
    app: () => app,
    store: () => store,
    get: async (url) => {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() as Record<string, any> };
    },
  };
}
