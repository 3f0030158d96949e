/**
 * A search's terms widened by what the store knows of its entities: a term that is an
 * entity's name or one of its aliases (in any case) also finds every other spelling of that
 * entity ("Lindqvist" finds "Lindquist" when both name one person). Each term becomes a group
 * of variants, OR-ed in the FTS5 query; every variant is highlighted.
 */
import type Database from 'better-sqlite3';
import type { SearchPlan } from './queries.js';

/** Spellings one term may widen to (each costs the query a pass over the index). */
export const MAX_VARIANTS = 8;

export interface WidenedPlan {
  /** The FTS5 query: every group required, the variants of a group OR-ed. */
  query: string;
  /** Every variant of every term, for highlighting. */
  terms: string[];
}

const quote = (t: string): string => `"${t.replace(/"/g, '""')}"`;
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** The entity spellings (name and aliases) of every entity that `term` names, the term first. */
export function spellingsOf(db: Database.Database, term: string): string[] {
  const rows = db
    .prepare(
      `SELECT e.name, json_extract(e.data, '$.aliases') AS aliases FROM entities e
       WHERE e.name = @term COLLATE NOCASE OR EXISTS (SELECT 1 FROM json_each(e.data, '$.aliases') a WHERE a.value = @term COLLATE NOCASE)
       LIMIT 4`,
    )
    .all({ term }) as Array<{ name: string; aliases: string | null }>;
  const out = new Map<string, string>([[fold(term), term]]);
  for (const r of rows) {
    for (const s of [r.name, ...((r.aliases ? JSON.parse(r.aliases) : []) as string[])]) {
      if (out.size >= MAX_VARIANTS) break;
      if (/[\p{L}\p{N}]/u.test(s) && !out.has(fold(s))) out.set(fold(s), s);
    }
  }
  return [...out.values()];
}

/** The plan's terms, each widened to the spellings of the entity it names. */
export function widenPlan(db: Database.Database, plan: SearchPlan): WidenedPlan {
  const groups = plan.terms.map((t) => spellingsOf(db, t));
  return {
    query: groups.map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`)).join(' '),
    terms: groups.flat(),
  };
}
