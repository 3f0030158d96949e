/**
 * A page of full-text hits, best match first, from a bounded set of candidates: the latest
 * CANDIDATES matches (by rowid, newest first), or as many as the page reaches. FTS5 scores a
 * match (bm25) by reading its positions, and ordering every match by score cost a common word
 * a pass over most of the index on every search, growing with the store; the candidates are
 * read in rowid order, which the index gives without scoring, and only they are scored. A
 * word with fewer matches than CANDIDATES is ranked over all of them, as before.
 */

/** Matches scored for one page of hits. */
export const CANDIDATES = 2000;

/**
 * The subquery (aliased `hit`: its rowid and score) of a page of hits of the FTS5 table
 * `fts`; binds the MATCH query, then the page's limit and offset (hitArgs).
 */
export const hitsOf = (fts: string): string =>
  `(SELECT rowid, score FROM (SELECT rowid, bm25(${fts}) AS score FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score, rowid LIMIT ? OFFSET ?) hit`;

/** How many of the latest matches are ranked for a page: CANDIDATES, or as many as the page reaches. */
export const candidatesFor = ({ limit, offset }: { limit: number; offset: number }): number => Math.max(CANDIDATES, offset + limit);

/** What hitsOf binds, in order. */
export const hitArgs = (q: string, page: { limit: number; offset: number }): [string, number, number, number] => [q, candidatesFor(page), page.limit, page.offset];
