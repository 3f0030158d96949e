/**
 * The ledger's rows as the store writes them: each table's columns (after `id`) and each export
 * row's values for them, declared once, so that the digest a row is stored with (ledger-diff.ts)
 * and the digest the next update computes for it (src/conflicts/update.ts) are of the same values.
 */
import type { ClaimRow, ConflictRow, EntityRow, EventRow } from '../core/rows.js';
import { dateKey } from './store.js';
import { rowDigest, type KeyedRow } from './ledger-diff.js';
import { ruleNameSql } from './rule-names.js';
import { spanTextSql } from './packed.js';

export const ledgerColumns = {
  entities: ['name', 'type', 'side', 'data'],
  events: ['type', 'label', 'status', 'last_date', 'data'],
  claims: ['event', 'document', 'source', 'status', 'date', 'data', 'rule'],
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
export const eventRow = (v: EventRow, lastDate: ReadonlyMap<string, string>): KeyedRow => keyed(v, () => [v.type, v.label, v.status, lastDate.get(v.id) ?? null, eventData(v)], false);
export const claimRow = (c: ClaimRow): KeyedRow =>
  keyed(
    c,
    () => {
      const { data, rule } = claimStored(c);
      return [c.event, c.document, c.source, c.status, dateKey(c.date), data, rule];
    },
    true,
  );
export const conflictRow = (k: ConflictRow): KeyedRow => keyed(k, () => [k.kind, k.event, k.claims[0], k.claims[1], conflictData(k)], false);

/** Where a claim was published: the last fields of its row, which every reader takes from its document. */
const SOURCE_KEYS = ['url', 'outlet', 'authors', 'published'] as const;
/** The first fields of a claim's row, which its columns hold. */
const KEYED = ['id', 'event', 'document', 'source'] as const;
/** The fields between, as the ledger makes them (`actor` after them when the claim has one): kept as a list of cells. */
const CELL_KEYS = ['sourceText', 'status', 'modality', 'text', 'statement', 'date', 'copyOf', 'span', 'rule'] as const;

/**
 * A claim's `data` in its usual shape: a list of cells, its fields in a fixed order with no key
 * written, less those its columns hold (id, event, document, source, status, its rule: cell 0,
 * and the date when the `date` column says it all: cell 0), its span's rule (the claim's), where
 * it was published (every reader takes that from the claim's document, as the export does for
 * statements: report/export.ts docSource, src/store/queries.ts claimViews), and its statement's
 * document (the claim's: the statement cell is the id within it). A sixth of the bytes of the
 * object it replaces. Rows written before name the rule and the statement whole in their cells.
 */
type ClaimCells = [sourceText: string | null, modality: string, text: string | 0, statement: string | null, start: number, end: number, rule: string | 0, copyOf: string | null, date: 0 | Exclude<ClaimRow['date'], string | null>, actor?: string | null];

/** Claim rows whose text is their span of their document's text (spanTextsOf): their cells keep 0 for it. */
const spanTexts = new WeakSet<ClaimRow>();

/**
 * Mark the claims whose text is their span of their document's text (`text` of a document by
 * id; nearly every claim): a SQLite store keeps no copy of those words, and reads them from the
 * document (claimColumns). Checked, not assumed, so that a row made otherwise keeps its text.
 */
export function spanTextsOf(claims: Iterable<ClaimRow>, text: (document: string) => string | undefined): void {
  for (const c of claims) if (text(c.document)?.slice(c.span.start, c.span.end) === c.text) spanTexts.add(c);
}

/** A statement id of the claim's own document as the id within it (`d1:s4` in d1: `s4`); null when it is not one (kept whole, in another shape). */
function statementWithin(c: ClaimRow): string | null | undefined {
  if (c.statement === null) return null;
  const within = c.statement.startsWith(`${c.document}:`) ? c.statement.slice(c.document.length + 1) : '';
  // A cell without `:` is read as an id within the document (claimOfRow): only such an id is shortened.
  return within && !within.includes(':') ? within : c.statement.includes(':') ? c.statement : undefined;
}

/** A statement cell read back (see statementWithin). */
const statementOf = (cell: string | null, document: string): string | null => (cell === null || cell.includes(':') ? cell : `${document}:${cell}`);

const sameKeys = (keys: readonly string[], want: readonly string[]): boolean => keys.length === want.length && keys.every((k, i) => k === want[i]);

/**
 * A claim's `data` and `rule` columns: ClaimCells and the rule's name when the row has the usual
 * shape; else (an editor's marks among its fields, a span of another rule) the object less its
 * columns' and its source's fields, or, in another order still, the row whole, and no rule (the
 * data holds it), so that claimOfRow gives every row back as it was, key for key.
 */
export function claimStored(c: ClaimRow): { data: string; rule: string | null } {
  const keys = Object.keys(c);
  const span = Object.keys(c.span);
  const edges = sameKeys(keys.slice(0, KEYED.length), KEYED) && sameKeys(keys.slice(-SOURCE_KEYS.length), SOURCE_KEYS);
  if (!edges || !sameKeys(span, ['start', 'end', 'rule']) || c.span.rule !== c.rule) return { data: JSON.stringify(c), rule: null };
  const middle = keys.slice(KEYED.length, -SOURCE_KEYS.length);
  const withActor = middle.length === CELL_KEYS.length + 1 && middle.at(-1) === 'actor';
  const statement = statementWithin(c);
  if (statement !== undefined && sameKeys(withActor ? middle.slice(0, -1) : middle, CELL_KEYS)) {
    const date = typeof c.date === 'string' || c.date === null ? 0 : c.date;
    const cells: ClaimCells = [c.sourceText, c.modality, spanTexts.has(c) ? 0 : c.text, statement, c.span.start, c.span.end, 0, c.copyOf, date];
    if (withActor) cells.push(c.actor ?? null);
    return { data: JSON.stringify(cells), rule: c.rule };
  }
  const { id: _id, event: _event, document: _document, source: _source, url: _url, outlet: _outlet, authors: _authors, published: _published, ...rest } = c;
  return { data: JSON.stringify({ ...rest, span: [c.span.start, c.span.end] }), rule: null };
}

/** A claim's `data` column (claimStored). */
export const claimData = (c: ClaimRow): string => claimStored(c).data;

/** A claim's text in SQLite (`c` the claims row) when its cells keep 0 for it: its span of its document's text; else NULL. */
export const claimSpanTextSql = (c: string): string =>
  `CASE WHEN json_type(${c}.data, '$[2]') = 'integer' THEN ${spanTextSql(`${c}.document`, `json_extract(${c}.data, '$[4]')`, `json_extract(${c}.data, '$[5]')`)} END`;

/** The columns a claim is read back from (`c` is the claims table): see claimOfRow. */
export const claimColumns = `c.id, c.event, c.document, c.source, c.status, c.date, c.data, ${ruleNameSql('c')} AS rule, ${claimSpanTextSql('c')} AS text`;

export interface ClaimDbRow {
  id: string;
  event: string;
  document: string;
  source: string | null;
  status: string;
  /** The `date` column: the claim's day, or its interval's start (store.ts dateKey). */
  date: string | null;
  data: string;
  /** The rule's name, from the `rule` column (null: a row that keeps it in its data). */
  rule: string | null;
  /** Its text read from its document (claimSpanTextSql) when its cells keep none. */
  text?: string | null;
}

/** A stored claim as its export row, less where it was published (the reader adds its document's); a row kept whole reads as it is. */
export function claimOfRow(r: ClaimDbRow): ClaimRow {
  const d = JSON.parse(r.data) as ClaimCells | Record<string, unknown>;
  if (Array.isArray(d)) {
    const [sourceText, modality, own, cell, start, end, inline, copyOf, date] = d;
    const rule = inline === 0 ? r.rule! : inline;
    const text = own === 0 ? r.text! : own;
    const row: ClaimRow = { id: r.id, event: r.event, document: r.document, source: r.source, sourceText, status: r.status, modality, text, statement: statementOf(cell, r.document), date: date === 0 ? r.date : date, copyOf, span: { start, end, rule }, rule } as ClaimRow;
    if (d.length > 9) row.actor = d[9] ?? null;
    return row;
  }
  if ('id' in d) return d as ClaimRow;
  const [start, end] = d.span as [number, number];
  return { id: r.id, event: r.event, document: r.document, source: r.source, ...d, span: { start, end, rule: d.rule } } as ClaimRow;
}

/** An event's row as the ledger makes it: the fields in this order. */
const EVENT_KEYS = ['id', 'type', 'participants', 'label', 'place', 'time', 'status'] as const;

/** An event's `data` in that shape: the fields its columns (id, type, label, status) do not hold, as a list of cells. */
type EventCells = [participants: string[], place: string | null, time: EventRow['time']];

/**
 * An event's `data`: EventCells when the row has the ledger's shape (a fifth of the bytes of
 * the object); in another (an editor's marks), the row whole.
 */
export function eventData(v: EventRow): string {
  return sameKeys(Object.keys(v), EVENT_KEYS) ? JSON.stringify([v.participants, v.place, v.time] satisfies EventCells) : JSON.stringify(v);
}

/** The columns an event is read back from (`v` is the events table): see eventOfRow. */
export const eventColumns = 'v.id, v.type, v.label, v.status, v.data';

export interface EventDbRow {
  id: string;
  type: string;
  label: string;
  status: string | null;
  data: string;
}

/** A stored event as its export row; a row kept whole reads as it is. */
export function eventOfRow(r: EventDbRow): EventRow {
  const d = JSON.parse(r.data) as EventCells | EventRow;
  if (!Array.isArray(d)) return d;
  const [participants, place, time] = d;
  return { id: r.id, type: r.type, participants, label: r.label, place, time, status: r.status } as EventRow;
}

/** An event's participants in SQL (`v` the events row), from either shape of its `data`, as a JSON path of it. */
export const eventParticipantsPath = (v: string): string => `CASE json_type(${v}.data) WHEN 'array' THEN '$[0]' ELSE '$.participants' END`;
/** An event's place in SQL, from either shape of its `data`. */
export const eventPlaceSql = (v: string): string => `CASE json_type(${v}.data) WHEN 'array' THEN json_extract(${v}.data, '$[1]') ELSE json_extract(${v}.data, '$.place') END`;

/** A conflict's row as the rule makes it: the fields in this order, where its claims were published last. */
const CONFLICT_KEYS = ['id', 'kind', 'claims', 'event', 'explanation', 'rule', 'sources'] as const;

/** A conflict less where its claims were published: what a reader gets back before it adds that from the claims' documents. */
export type StoredConflict = Omit<ConflictRow, 'sources'> & Partial<Pick<ConflictRow, 'sources'>>;

/**
 * A conflict's `data`: in the rule's shape, its explanation and rule as a list of cells (its
 * id, kind, event and claims are columns; where its claims were published, two fifths of the
 * row, every reader takes from the claims' documents: report/export.ts withConflictSources,
 * src/store/queries.ts conflictViews); in another shape (an editor's marks), the row whole.
 */
export function conflictData(k: ConflictRow): string {
  return sameKeys(Object.keys(k), CONFLICT_KEYS) ? JSON.stringify([k.explanation, k.rule]) : JSON.stringify(k);
}

/** The columns a conflict is read back from (`k` is the conflicts table): see conflictOfRow. */
export const conflictColumns = 'k.id, k.kind, k.event, k.claim_a, k.claim_b, k.data';

export interface ConflictDbRow {
  id: string;
  kind: string;
  event: string;
  claim_a: string;
  claim_b: string;
  data: string;
}

/** A stored conflict, less where its claims were published when its row was kept in cells (the reader adds it); a row kept whole reads as it is. */
export function conflictOfRow(r: ConflictDbRow): StoredConflict {
  const d = JSON.parse(r.data) as [string, string] | ConflictRow;
  if (!Array.isArray(d)) return d;
  return { id: r.id, kind: r.kind, claims: [r.claim_a, r.claim_b], event: r.event, explanation: d[0], rule: d[1] };
}

/**
 * An event's digest as an update compares it: of its row's digest and each of its claims' in
 * order; null when one of them is unknown (a row stored before digests were kept).
 */
export function eventDigest(event: string | null | undefined, claims: ReadonlyArray<string | null>): string | null {
  if (event === undefined || event === null || claims.includes(null)) return null;
  return rowDigest([event, ...(claims as string[])]);
}
