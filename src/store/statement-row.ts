import type { StatementCore } from '../report/export.js';
import type { ExportDate, ExportSpan } from '../core/rows.js';
import { ruleNameSql } from './rule-names.js';
import { spanTextSql } from './packed.js';

type ExportStatement = StatementCore;

/** The export's fields of a statement that have no column of their own. */
export type StatementData = Pick<ExportStatement, 'cue' | 'addressee' | 'date' | 'span' | 'content' | 'rule'>;

/** A span as `statements.data` keeps it: [start, end] when its rule is the statement's, else [start, end, rule]. */
type SpanCell = [number, number] | [number, number, string];

/**
 * What `statements.data` holds: a list of cells, no key written (a fifth of the bytes of
 * StatementData's JSON): its span and content as SpanCell, 0 where its rule was (the `rule`
 * column holds it: rule-names.ts), then its cue, its addressee and its date, each only when there
 * is one and when a later cell needs its place (the date only when the `date` column cannot say
 * it: an interval; the column holds its start). Rows written before hold the rule name in the
 * third cell, or StoredObject or StatementData itself, and read the same.
 */
type StoredCells = [span: SpanCell, content: SpanCell, rule: string | 0, cue?: string | null, addressee?: string | null, date?: Exclude<ExportDate, string | null>];

/** `statements.data` as an object with SpanCells (written before StoredCells). */
interface StoredObject {
  cue?: string;
  addressee?: string;
  date?: ExportDate;
  span: SpanCell;
  content: SpanCell;
  rule: string;
}

/** A statement row as read: its columns, its `data` JSON, and the speaker the ledger names. */
export interface StatementDbRow {
  id: string;
  document: string;
  speakerText: string;
  kind: string;
  text: string;
  /** The `date` column: the statement's day, or its interval's start (store.ts dateKey). */
  date: string | null;
  data: string;
  speaker: string | null;
  /** The rule's name, from the `rule` column (null: a row that keeps it in its data). */
  rule: string | null;
}

/**
 * The columns a StatementDbRow is read from (`s` statements, `p` speakers), `rule` the SQL of the
 * rule's name (a number in SQLite's column: rule-names.ts ruleNameSql; the name in PostgreSQL's)
 * and `text` of its text (statementTextSql in SQLite).
 */
export const statementColumnsWith = (rule: string, text = 's.text'): string =>
  `s.id, s.document, s.speaker_text AS "speakerText", s.kind, ${text} AS text, s.date, s.data, p.entity AS speaker, ${rule} AS rule`;

/**
 * What SQLite keeps in `statements.text` of a statement whose text is the span of its document
 * that its content cell names (nearly every one): an empty blob, not a copy of the words.
 */
export const SPAN_TEXT = Buffer.alloc(0);

/**
 * A statement's text in SQLite (`s` the statements row): its `text`, or, when that is SPAN_TEXT,
 * its content span of its document's text (packed.ts spanTextSql).
 */
export const statementTextSql = (s: string): string =>
  `CASE WHEN typeof(${s}.text) = 'blob' THEN ${spanTextSql(`${s}.document`, `json_extract(${s}.data, '$[1][0]')`, `json_extract(${s}.data, '$[1][1]')`)} ELSE ${s}.text END`;

/** SQLite's statement columns. */
export const statementColumns = statementColumnsWith(ruleNameSql('s'), statementTextSql('s'));
/** PostgreSQL's: it keeps the rule's name in the `rule` column (its migration 8) and every text. */
export const pgStatementColumns = statementColumnsWith('s.rule');

const cell = (s: ExportSpan, rule: string): SpanCell => (s.rule === rule ? [s.start, s.end] : [s.start, s.end, s.rule]);
const spanOf = (c: SpanCell, rule: string): ExportSpan => ({ start: c[0], end: c[1], rule: c[2] ?? rule });

/** `statements.data` of a statement (StoredCells as JSON text); its rule goes in the `rule` column. */
export function statementData(st: ExportStatement): string {
  const d: StoredCells = [cell(st.span, st.rule), cell(st.content, st.rule), 0, st.cue, st.addressee];
  if (st.date !== null && typeof st.date !== 'string') d.push(st.date);
  // Trailing cells of none are left out.
  while (d.length > 3 && d.at(-1) === null) d.pop();
  return JSON.stringify(d);
}

/**
 * A stored statement as the export has it, less where it was published (its document's, which
 * readers add: report/export.ts docSource). The speaker is the entity the ledger's `speakers`
 * table names. A row of StoredObject or StatementData, or a version 1 row whose `data` holds the
 * whole export row, reads the same.
 */
export function statementOfRow(r: StatementDbRow): ExportStatement {
  const d = JSON.parse(r.data) as StoredCells | StoredObject | StatementData;
  if (Array.isArray(d)) {
    const [span, content, inline, cue, addressee, date] = d;
    const rule = inline === 0 ? r.rule! : inline;
    return { id: r.id, document: r.document, speaker: r.speaker, speakerText: r.speakerText, kind: r.kind, text: r.text, cue: cue ?? null, addressee: addressee ?? null, date: date ?? r.date, span: spanOf(span, rule), content: spanOf(content, rule), rule };
  }
  const compact = Array.isArray(d.span);
  const rule = d.rule;
  const span = compact ? spanOf(d.span as SpanCell, rule) : (d.span as ExportSpan);
  const content = compact ? spanOf(d.content as SpanCell, rule) : (d.content as ExportSpan);
  const date = compact ? ((d as StoredObject).date ?? r.date) : d.date;
  return { id: r.id, document: r.document, speaker: r.speaker, speakerText: r.speakerText, kind: r.kind, text: r.text, cue: d.cue ?? null, addressee: d.addressee ?? null, date: date ?? null, span, content, rule };
}
