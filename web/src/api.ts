/** The JSON API, typed by the server's own views. */
import type { ConflictView, DocumentSummary, DocumentView, EntitySummary, EventDetail, EventSummary, Page, SearchResult, StatementView } from '../../src/store/queries.js';

export type { ConflictView, DocumentSummary, DocumentView, EntitySummary, EventDetail, EventSummary, Page, SearchResult, StatementView };
export type { ClaimView, ClaimEvidence } from '../../src/store/queries.js';
import type { StoreCounts } from '../../src/store/store.js';
export type { StoryPage, StoryFacets } from '../../src/store/story.js';
export type { Vocabulary } from '../../src/server/schemas/vocabulary.js';

export interface Stats extends StoreCounts {
  ingest: boolean;
  /** Documents stored but not analysed for their language (the stages read English), by language. */
  notAnalysed?: Array<{ language: string; documents: number }>;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    /** A 300 for an id that was split: the ids it went to (src/server/moved.ts). */
    public readonly movedTo: string[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const url = `api/${path}${q.size ? `?${q}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (T & { code?: string; message?: string; movedTo?: string[] }) | null;
  // A 308 (an id merged into another) is followed by fetch itself; a 300 (split) is shown as links.
  if (!res.ok) throw new ApiError(res.status, body?.code ?? 'WB_ERROR', body?.message ?? res.statusText, body?.movedTo);
  return body as T;
}
