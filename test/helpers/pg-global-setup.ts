/**
 * vitest globalSetup: one PostgreSQL server for the run's PostgreSQL suites, given to them as
 * `inject('pgUrl')` (empty when there is none: those suites skip, saying why). WALKBACK_PG_URL
 * names a running server to use instead of starting one; WALKBACK_REQUIRE_PG (set by .ci/run)
 * makes a missing PostgreSQL an error.
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
  // CI (.ci/run) installs PostgreSQL: there, a missing server is a failure, not a skip.
  if (!cluster && process.env.WALKBACK_REQUIRE_PG) throw new Error('WALKBACK_REQUIRE_PG is set but no PostgreSQL binaries were found under /usr/lib/postgresql (apt-get install postgresql)');
  project.provide('pgUrl', cluster?.url ?? '');
  return () => cluster?.stop();
}
