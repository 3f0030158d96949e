/**
 * Statements, claims and conflicts as one CSV table (RFC 4180: CRLF line ends, fields with a
 * comma, a double quote or a line break quoted, quotes doubled). `record` says which a row is;
 * `--table` keeps one kind. Every row says where it was published (outlet, url, authors,
 * published); a conflict's row, where its answering claim was (its two claims are in `claims`).
 * Offsets point into the document's clean text, `rule` names what made the row. A cell that
 * a spreadsheet would read as a formula is made inert; a byte-order mark (`--bom`) tells
 * spreadsheets the file is UTF-8.
 */
import { collectIfGrown } from '../../core/collect.js';
import { exportDate } from '../export.js';
import type { ClaimRow, EntityRow, ExportDate, SourceFields } from '../../core/rows.js';
import type { SnapshotReads } from '../../store/port.js';

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

const sourceColumns = (title: string | null, s: SourceFields | null): Row => ({ document_title: title, outlet: s?.outlet ?? null, url: s?.url ?? null, authors: s?.authors.join('; ') ?? null, published: s?.published ?? null });

/** Rows looked up a page at a time: what a page of CSV rows names (entities, titles, event labels, claims), kept once read. */
const PAGE = 500;

/** The CSV, written a page of rows at a time as the store's tables are read. */
export async function writeCsv(reads: SnapshotReads, write: (s: string) => void, opts: CsvOptions = {}): Promise<void> {
  const table = opts.table ?? 'all';
  const want = (t: CsvTable): boolean => table === 'all' || table === t;
  const entities = new Map<string, EntityRow | null>();
  const titles = new Map<string, string | null>();
  const labels = new Map<string, string>();
  const missing = <T>(known: Map<string, T>, ids: Iterable<string | null | undefined>): string[] => [...new Set([...ids].filter((id): id is string => !!id && !known.has(id)))];
  /** Fill the lookups a page of rows needs. */
  const lookUp = async (entityIds: Array<string | null>, docIds: string[], eventIds: string[]): Promise<void> => {
    const ents = missing(entities, entityIds);
    for (const id of ents) entities.set(id, null);
    if (ents.length) for (const e of await reads.entities(ents)) entities.set(e.id, e);
    const docs = missing(titles, docIds);
    if (docs.length) for (const d of await reads.documentCites(docs)) titles.set(d.id, d.title);
    const evs = missing(labels, eventIds);
    if (evs.length) for (const o of await reads.events(evs)) labels.set(o.id, o.label);
  };
  /** The columns a statement and a claim share: which, where it was published, when, and who said it. */
  const said = (record: string, r: { id: string; document: string; date: ExportDate } & SourceFields, speakerId: string | null, speakerText: string | null): Row => {
    const e = speakerId ? entities.get(speakerId) : undefined;
    return { record, id: r.id, document: r.document, ...sourceColumns(titles.get(r.document) ?? null, r), date: dateText(r.date), speaker: e?.name ?? speakerText, speaker_id: speakerId, side: e?.side ?? null };
  };
  const line = (r: Row): string => CSV_COLUMNS.map((k) => csvField(r[k])).join(',') + '\r\n';
  /** Rows of a table read in pages: each page's lookups filled, then its rows written. */
  const paged = async <T>(rows: AsyncIterable<T>, prepare: (page: T[]) => Promise<void>, toRow: (r: T) => Row): Promise<void> => {
    let page: T[] = [];
    const flush = async (): Promise<void> => {
      await prepare(page);
      write(page.map((r) => line(toRow(r))).join(''));
      page = [];
      // The page is garbage once written (core/collect.ts).
      collectIfGrown();
    };
    for await (const r of rows) {
      page.push(r);
      if (page.length >= PAGE) await flush();
    }
    if (page.length) await flush();
  };
  write((opts.bom ? '\uFEFF' : '') + CSV_COLUMNS.join(',') + '\r\n');
  const exp = reads.exportRows();
  if (want('statements')) {
    await paged(
      exp.statements,
      (page) => lookUp(page.map((s) => s.speaker), page.map((s) => s.document), []),
      (s) => ({
        ...said('statement', s, s.speaker, s.speakerText),
        kind: s.kind,
        text: s.text,
        start: s.content.start,
        end: s.content.end,
        rule: s.rule,
      }),
    );
  }
  if (want('claims')) {
    await paged(
      exp.claims,
      (page) => lookUp(page.map((c) => c.source), page.map((c) => c.document), page.map((c) => c.event)),
      (c) => ({
        ...said('claim', c, c.source, c.sourceText),
        event: c.event,
        event_label: labels.get(c.event) ?? null,
        status: c.status,
        modality: c.modality,
        statement: c.statement,
        text: c.text,
        start: c.span.start,
        end: c.span.end,
        rule: c.rule,
      }),
    );
  }
  if (want('conflicts')) {
    let answers = new Map<string, ClaimRow>();
    await paged(
      exp.conflicts,
      async (page) => {
        answers = new Map((await reads.claims(page.map((k) => k.claims[1]))).map((c) => [c.id, c]));
        const found = [...answers.values()];
        await lookUp(found.map((c) => c.source), found.map((c) => c.document), page.map((k) => k.event));
      },
      (k) => {
        const answer = answers.get(k.claims[1]);
        const e = answer?.source ? entities.get(answer.source) : undefined;
        return {
          record: 'conflict',
          id: k.id,
          document: answer?.document ?? null,
          ...sourceColumns(answer ? (titles.get(answer.document) ?? null) : null, answer ?? null),
          date: answer ? dateText(answer.date) : null,
          speaker: e?.name ?? answer?.sourceText ?? null,
          speaker_id: answer?.source ?? null,
          side: answer?.source ? (e?.side ?? null) : null,
          kind: k.kind,
          event: k.event,
          event_label: labels.get(k.event) ?? null,
          status: answer?.status ?? null,
          claims: k.claims.join(' '),
          text: k.explanation,
          rule: k.rule,
        };
      },
    );
  }
}
