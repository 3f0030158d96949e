/** The JSON API, typed by the server's own views. */
import type { ConflictView, DocumentSummary, DocumentView, EntitySummary, EventDetail, EventSummary, Page, SearchResult, StatementView } from '../../src/store/queries.js';

export type { ConflictView, DocumentSummary, DocumentView, EntitySummary, EventDetail, EventSummary, Page, SearchResult, StatementView };
export type { ClaimView, ClaimEvidence } from '../../src/store/queries.js';
import type { StoreCounts } from '../../src/store/store.js';
export type { StoryPage, StoryFacets } from '../../src/store/story.js';
export type { Vocabulary } from '../../src/server/schemas/vocabulary.js';

export interface Stats extends StoreCounts {
  ingest: boolean;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const url = `api/${path}${q.size ? `?${q}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.code ?? 'WB_ERROR', body?.message ?? res.statusText);
  return body as T;
}
