/**
 * Statements, claims and conflicts as one CSV table (RFC 4180: CRLF line ends, fields with a
 * comma, a double quote or a line break quoted, quotes doubled). `record` says which a row is;
 * `--table` keeps one kind. Every row says where it was published (outlet, url, authors,
 * published); a conflict's row, where its answering claim was (its two claims are in `claims`).
 * Offsets point into the document's clean text, `rule` names what made the row. A cell that
 * a spreadsheet would read as a formula is made inert; a byte-order mark (`--bom`) tells
 * spreadsheets the file is UTF-8.
 */
import type { Doc, Ledger } from '../../core/types.js';
import { sliceSpan } from '../../core/span.js';
import { docSource, exportDate } from '../export.js';
import type { SourceFields } from '../../core/rows.js';

export const CSV_COLUMNS = [
  'record',
  'id',
  'document',
  'document_title',
  'outlet',
  'url',
  'authors',
  'published',
  'date',
  'speaker',
  'speaker_id',
  'side',
  'kind',
  'event',
  'event_label',
  'status',
  'modality',
  'statement',
  'claims',
  'text',
  'start',
  'end',
  'rule',
] as const;

/** The kinds of row, each a value of `--table` (with `all`, the default). */
export const CSV_TABLES = ['statements', 'claims', 'conflicts'] as const;
export type CsvTable = (typeof CSV_TABLES)[number] | 'all';

export interface CsvOptions {
  /** Only this kind of row; default all three. */
  table?: CsvTable;
  /** Start with a UTF-8 byte-order mark (spreadsheets then read accents right). */
  bom?: boolean;
}

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/**
 * A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one) starts with an apostrophe instead, which spreadsheets show as text.
 */
export function inert(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : inert(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const dateText = (d: ReturnType<typeof exportDate>): string | null => (d === null ? null : typeof d === 'string' ? d : d.start && d.end && d.start !== d.end ? `${d.start}/${d.end}` : (d.start ?? d.timex));

const sourceColumns = (d: Doc | undefined): Row => {
  const s: SourceFields | null = d ? docSource(d) : null;
  return { document_title: d?.meta.title ?? null, outlet: s?.outlet ?? null, url: s?.url ?? null, authors: s?.authors.join('; ') ?? null, published: s?.published ?? null };
};

export function renderCsv(docs: readonly Doc[], ledger: Ledger, opts: CsvOptions = {}): string {
  const table = opts.table ?? 'all';
  const want = (t: CsvTable): boolean => table === 'all' || table === t;
  const entities = new Map(ledger.entities.map((e) => [e.id, e]));
  const events = new Map(ledger.events.map((e) => [e.id, e]));
  const byDoc = new Map(docs.map((d) => [d.id, d]));
  const claimsById = new Map(ledger.claims.map((lc) => [lc.id, lc]));
  const rows: Row[] = [];
  if (want('statements')) {
    for (const d of docs) {
      for (const s of d.statements) {
        const speaker = s.speaker.local ? (ledger.entityOf.get(d.id)?.get(s.speaker.local) ?? null) : null;
        const e = speaker ? entities.get(speaker) : undefined;
        rows.push({
          record: 'statement',
          id: `${d.id}:${s.id}`,
          document: d.id,
          ...sourceColumns(d),
          date: dateText(exportDate(s.date)),
          speaker: e?.name ?? s.speaker.text,
          speaker_id: speaker,
          side: e?.side ?? null,
          kind: s.kind,
          text: sliceSpan(d.text, s.content),
          start: s.content.start,
          end: s.content.end,
          rule: s.rule,
        });
      }
    }
  }
  if (want('claims')) {
    for (const lc of ledger.claims) {
      const d = byDoc.get(lc.doc);
      const c = lc.claim;
      const e = lc.source ? entities.get(lc.source) : undefined;
      rows.push({
        record: 'claim',
        id: lc.id,
        document: lc.doc,
        ...sourceColumns(d),
        date: dateText(exportDate(c.date)),
        speaker: e?.name ?? c.sourceText,
        speaker_id: lc.source,
        side: lc.side,
        event: lc.event,
        event_label: events.get(lc.event)?.label ?? null,
        status: c.status,
        modality: c.modality,
        statement: c.statement ? `${lc.doc}:${c.statement}` : null,
        text: d ? sliceSpan(d.text, c.evidence) : null,
        start: c.evidence.start,
        end: c.evidence.end,
        rule: c.rule,
      });
    }
  }
  if (want('conflicts')) {
    for (const k of ledger.conflicts) {
      const answer = claimsById.get(k.claims[1]);
      const e = answer?.source ? entities.get(answer.source) : undefined;
      rows.push({
        record: 'conflict',
        id: k.id,
        document: answer?.doc ?? null,
        ...sourceColumns(answer ? byDoc.get(answer.doc) : undefined),
        date: answer ? dateText(exportDate(answer.claim.date)) : null,
        speaker: e?.name ?? answer?.claim.sourceText ?? null,
        speaker_id: answer?.source ?? null,
        side: answer?.side ?? null,
        kind: k.kind,
        event: k.event,
        event_label: events.get(k.event)?.label ?? null,
        status: answer?.claim.status ?? null,
        claims: k.claims.join(' '),
        text: k.explanation,
        rule: k.rule,
      });
    }
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((k) => csvField(r[k])).join(','))];
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
