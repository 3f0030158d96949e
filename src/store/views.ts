/**
 * View assembly shared by both backends' reads (src/store/queries.ts on SQLite,
 * src/store/postgres/reads.ts): what a row becomes in the API, whatever read it.
 */
import type { ClaimView, StatementView } from '../core/rows.js';
import type { DocMeta } from '../core/types.js';
import { documentUrl, shareableSource } from '../core/source-ref.js';
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

/** An event's claims in timeline order: by date, undated last, then in the order stored. */
export function inTimelineOrder(timeline: ClaimView[]): ClaimView[] {
  const order = new Map(timeline.map((c, i) => [c.id, i]));
  return timeline.sort((a, b) => {
    if (a.sortDate !== b.sortDate) {
      if (a.sortDate === null) return 1;
      if (b.sortDate === null) return -1;
      return a.sortDate < b.sortDate ? -1 : 1;
    }
    return order.get(a.id)! - order.get(b.id)!;
  });
}
