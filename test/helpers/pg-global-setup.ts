/**
 * vitest globalSetup: one PostgreSQL server for the run's PostgreSQL suites, given to them as
 * `inject('pgUrl')` (empty when there is none: those suites skip, saying why). WALKBACK_PG_URL
 * names a running server to use instead of starting one.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.WALKBACK_PG_URL) {
    project.provide('pgUrl', process.env.WALKBACK_PG_URL);
    return () => {};
  }
  const cluster = await startCluster();
  project.provide('pgUrl', cluster?.url ?? '');
  return () => cluster?.stop();
}
