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

/**
 * The entity spellings (name and aliases) of every entity that `term` names, the term first.
 * Read from temp.entity_spelling, which the caller keeps fresh (ranks.ts freshSpellings).
 */
export function spellingsOf(db: Database.Database, term: string): string[] {
  const rows = db
    .prepare(
      `SELECT e.name, json_extract(e.data, '$.aliases') AS aliases FROM entities e
       WHERE e.rowid IN (SELECT entity FROM temp.entity_spelling WHERE spelling = ?)
       ORDER BY e.rowid LIMIT 4`,
    )
    .all(term) as Array<{ name: string; aliases: string | null }>;
  return pickSpellings(term, rows.flatMap((r) => [r.name, ...((r.aliases ? JSON.parse(r.aliases) : []) as string[])]));
}

/** The spellings a term widens to, from the names and aliases `found` of the entities it names (any backend's). */
export function pickSpellings(term: string, found: string[]): string[] {
  const all = [term, ...found];
  // Shortest first; a spelling that holds a kept one ("Anja Kross" holds "Kross") finds nothing more.
  const words = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept: string[][] = [];
  const out: string[] = [];
  for (const s of [term, ...all.slice(1).sort((a, b) => words(a).length - words(b).length)]) {
    const w = words(s);
    if (!w.length || out.length >= MAX_VARIANTS) continue;
    if (kept.some((k) => holds(w, k))) continue;
    kept.push(w);
    out.push(s);
  }
  return out;
}

/** Whether the words `w` hold the words `k` in a row. */
function holds(w: string[], k: string[]): boolean {
  for (let i = 0; i + k.length <= w.length; i++) if (k.every((x, j) => w[i + j] === x)) return true;
  return false;
}

/** The plan's terms, each widened to the spellings of the entity it names (temp.entity_spelling fresh: see spellingsOf). */
export function widenPlan(db: Database.Database, plan: SearchPlan): WidenedPlan {
  return widenGroups(plan.terms.map((t) => spellingsOf(db, t)));
}

/** Groups of variants (one group a term) as the FTS5 query and the terms to highlight. */
export function widenGroups(groups: string[][]): WidenedPlan {
  return {
    // FTS5 takes no implicit AND next to a parenthesis: the groups are joined with AND.
    query: groups.map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`)).join(' AND '),
    terms: groups.flat(),
  };
}
