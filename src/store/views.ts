/**
 * View assembly shared by both backends' reads (src/store/queries.ts on SQLite,
 * src/store/postgres/reads.ts): what a row becomes in the API, whatever read it.
 */
import type { ClaimView, ConflictHit, ConflictRow, DocumentRef, SourceFields, StatementView } from '../core/rows.js';
import type { DocMeta } from '../core/types.js';
import { documentUrl, noSource, shareableSource } from '../core/source-ref.js';
import type { DocumentView } from './queries.js';

type ViewMeta = Pick<DocMeta, 'title' | 'url' | 'outlet' | 'authors' | 'language'> & { published: { date: string; source: string | null } | null };

/** A document with its statements and claims in text order; `duplicateOf` is the ledger's copy verdict (the column), not the analysis's. */
export function documentView(r: { id: string; source: string; text: string; duplicate_of: string | null }, m: ViewMeta, statements: StatementView[], claims: ClaimView[]): DocumentView {
  return {
    id: r.id,
    source: shareableSource(r.source),
    url: documentUrl(m, r.source),
    title: m.title,
    published: m.published?.date ?? null,
    publishedFrom: m.published?.source ?? null,
    outlet: m.outlet,
    authors: m.authors,
    language: m.language,
    duplicateOf: r.duplicate_of,
    text: r.text,
    statements: statements.sort((a, b) => a.span.start - b.span.start),
    claims: claims.sort((a, b) => a.span.start - b.span.start),
  };
}

/** Claims of an event's timeline per page unless asked otherwise (the API's page size). */
export const TIMELINE_PAGE = 50;

/**
 * Where a claim stands in its event's timeline: by date (its own, else its document's
 * publication date), undated last, then in the order stored (`seq`: rowid or row_no). Both
 * backends page the timeline in SQL in this order (`timelineOrderSql`) and compare keys with
 * `beforeInTimeline`.
 */
export interface TimelineKey {
  id: string;
  date: string | null;
  seq: number;
}

/** The timeline's order, as SQL over `c` (claims) and `d` (their documents, left joined); `collate` for engines whose text order is not byte order. */
export const timelineOrderSql = (seq: string, collate = ''): string => `COALESCE(c.date, d.published) IS NULL, COALESCE(c.date, d.published)${collate}, ${seq}`;

export function beforeInTimeline(a: TimelineKey, b: TimelineKey): boolean {
  if (a.date !== b.date) {
    if (a.date === null) return false;
    if (b.date === null) return true;
    return a.date < b.date;
  }
  return a.seq < b.seq;
}

/**
 * The conflicts a page of an event's timeline shows, of `candidates` (the event's conflicts
 * with a claim on the page): each conflict once in the whole timeline, on the page of the later
 * of its two claims, where the second voice is heard. `keys` holds the timeline keys of the
 * candidates' claims off the page; a claim with none (gone from the ledger) counts as earliest.
 */
export function conflictsOnPage<K extends { claims: readonly string[] }>(page: TimelineKey[], candidates: K[], keys: Map<string, TimelineKey>): K[] {
  const first = page[0];
  if (!first) return [];
  const on = new Set(page.map((c) => c.id));
  return candidates.filter((k) =>
    k.claims.every((id) => {
      if (on.has(id)) return true;
      const key = keys.get(id);
      return !key || beforeInTimeline(key, first);
    }),
  );
}

/** A document's source fields, as a claim or conflict carries them. */
export const sourceOfRef = (d: DocumentRef): SourceFields => ({ url: d.url, outlet: d.outlet, authors: d.authors, published: d.published });

/** Where each of a conflict's claims was published, in the order of its claims (a claim not found: no source). */
export function conflictSources(k: Pick<ConflictRow, 'claims'>, claims: Map<string, ClaimView>): ConflictRow['sources'] {
  const side = (id: string): ConflictRow['sources'][number] => {
    const c = claims.get(id);
    return c ? { document: c.document, ...sourceOfRef(c.doc) } : { document: '', ...noSource() };
  };
  return [side(k.claims[0]), side(k.claims[1])];
}

/** A conflict row as a search hit (core/rows.ts ConflictHit), and the text its snippet is cut from: both claims, then its event's label. */
export function conflictHit(k: Omit<ConflictRow, 'sources'>, claims: Map<string, ClaimView>, eventLabel: string | null): { item: ConflictHit; text: string } {
  const [a, b] = [claims.get(k.claims[0]), claims.get(k.claims[1])];
  return {
    item: { ...k, sources: conflictSources(k, claims), eventLabel, date: b?.sortDate ?? null },
    text: [a?.text, b?.text, eventLabel].filter(Boolean).join(' — '),
  };
}
