/**
 * The ledger's rows as the store writes them: each table's columns (after `id`) and each export
 * row's values for them, declared once, so that the digest a row is stored with (ledger-diff.ts)
 * and the digest the next update computes for it (src/conflicts/update.ts) are of the same values.
 */
import type { ClaimRow, ConflictRow, EntityRow, EventRow } from '../core/rows.js';
import { dateKey } from './store.js';
import { rowDigest, type KeyedRow } from './ledger-diff.js';

export const ledgerColumns = {
  entities: ['name', 'type', 'side', 'data'],
  events: ['type', 'label', 'status', 'last_date', 'data'],
  claims: ['event', 'document', 'source', 'status', 'date', 'data'],
  conflicts: ['kind', 'event', 'claim_a', 'claim_b', 'data'],
} as const;

/** The ledger tables written row by row, each row with its digest. */
export const ledgerRowTables = Object.keys(ledgerColumns) as Array<keyof typeof ledgerColumns>;

/** Each event's latest claim date (its `last_date` column: the story page's order). */
export function lastDates(claims: Iterable<Pick<ClaimRow, 'event' | 'date'>>): Map<string, string> {
  const last = new Map<string, string>();
  for (const c of claims) {
    const d = dateKey(c.date);
    if (d && (last.get(c.event) ?? '') < d) last.set(c.event, d);
  }
  return last;
}

type Values = ReadonlyArray<string | number | null>;

/**
 * Digests of export rows whose values depend on the row alone (entities, claims), kept while the
 * row lives: an update computes them to compare the ledger (src/conflicts/update.ts) and the
 * write compares them again. A row is never changed once its digest is taken (the editor's
 * corrections make their own rows, and are applied before either).
 */
const known = new WeakMap<object, string>();

function keyed(row: { id: string }, values: () => Values, remember: boolean): KeyedRow {
  return {
    id: row.id,
    values,
    digest: (given?: Values) => {
      const was = remember ? known.get(row) : undefined;
      if (was) return was;
      // Taken from values given, the row is being written: its digest is not asked again.
      if (given) return rowDigest(given);
      const d = rowDigest(values());
      if (remember) known.set(row, d);
      return d;
    },
  };
}

export const entityRow = (e: EntityRow): KeyedRow => keyed(e, () => [e.name, e.type, e.side, JSON.stringify(e)], true);
export const eventRow = (v: EventRow, lastDate: ReadonlyMap<string, string>): KeyedRow => keyed(v, () => [v.type, v.label, v.status, lastDate.get(v.id) ?? null, JSON.stringify(v)], false);
export const claimRow = (c: ClaimRow): KeyedRow => keyed(c, () => [c.event, c.document, c.source, c.status, dateKey(c.date), claimData(c)], true);
export const conflictRow = (k: ConflictRow): KeyedRow => keyed(k, () => [k.kind, k.event, k.claims[0], k.claims[1], JSON.stringify(k)], false);

/** Where a claim was published: the last fields of its row, which every reader takes from its document. */
const SOURCE_KEYS = ['url', 'outlet', 'authors', 'published'] as const;
/** The first fields of a claim's row, which its columns hold. */
const KEYED = ['id', 'event', 'document', 'source'] as const;

/**
 * A claim's `data`, half the bytes of its export row: less the fields its columns hold (its
 * id, event, document and source: the row's first), less where it was published (its last:
 * every reader takes them from the claim's document, as the export does for statements:
 * report/export.ts docSource, src/store/queries.ts claimViews), its span as [start, end] when
 * its rule is the claim's. A row in another shape (an editor's marks after those fields) is
 * kept whole, so that claimOfRow gives every row back as it was, key for key.
 */
export function claimData(c: ClaimRow): string {
  const keys = Object.keys(c);
  const span = Object.keys(c.span);
  const compact =
    keys.slice(0, KEYED.length).join() === KEYED.join() && keys.slice(-SOURCE_KEYS.length).join() === SOURCE_KEYS.join() && span.join() === 'start,end,rule' && c.span.rule === c.rule;
  if (!compact) return JSON.stringify(c);
  const { id: _id, event: _event, document: _document, source: _source, url: _url, outlet: _outlet, authors: _authors, published: _published, ...rest } = c;
  return JSON.stringify({ ...rest, span: [c.span.start, c.span.end] });
}

/** The columns a claim is read back from (`c` is the claims table): see claimOfRow. */
export const claimColumns = 'c.id, c.event, c.document, c.source, c.data';

export interface ClaimDbRow {
  id: string;
  event: string;
  document: string;
  source: string | null;
  data: string;
}

/** A stored claim as its export row, less where it was published (the reader adds its document's); a row kept whole reads as it is. */
export function claimOfRow(r: ClaimDbRow): ClaimRow {
  const d = JSON.parse(r.data) as Record<string, unknown>;
  if ('id' in d) return d as ClaimRow;
  const [start, end] = d.span as [number, number];
  return { id: r.id, event: r.event, document: r.document, source: r.source, ...d, span: { start, end, rule: d.rule } } as ClaimRow;
}

/**
 * An event's digest as an update compares it: of its row's digest and each of its claims' in
 * order; null when one of them is unknown (a row stored before digests were kept).
 */
export function eventDigest(event: string | null | undefined, claims: ReadonlyArray<string | null>): string | null {
  if (event === undefined || event === null || claims.includes(null)) return null;
  return rowDigest([event, ...(claims as string[])]);
}
