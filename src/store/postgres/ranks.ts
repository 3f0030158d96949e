/**
 * The entity list's order on PostgreSQL (most statements, then most claims, then name), kept
 * in the entities rows (migration 5) and written in the ledger's transaction: statements gain
 * their speaker only when the ledger is written (the speakers table), so the counts change only
 * then. SQLite computes the same per reading connection (src/store/ranks.ts).
 */
import type pg from 'pg';

export async function writeEntityRanks(c: pg.PoolClient): Promise<void> {
  await c.query(`UPDATE entities e SET n_statements = COALESCE(s.n, 0), n_claims = COALESCE(k.n, 0) FROM entities x
    LEFT JOIN (SELECT p.entity, COUNT(*) AS n FROM statements s JOIN speakers p ON p.document = s.document AND p.local = s.speaker_local GROUP BY p.entity) s ON s.entity = x.id
    LEFT JOIN (SELECT source, COUNT(*) AS n FROM claims WHERE source IS NOT NULL GROUP BY source) k ON k.source = x.id
    WHERE e.id = x.id AND (e.n_statements, e.n_claims) IS DISTINCT FROM (COALESCE(s.n, 0), COALESCE(k.n, 0))`);
}
