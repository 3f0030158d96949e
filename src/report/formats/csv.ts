/**
 * Statements and claims as one CSV table (RFC 4180: CRLF line ends, fields with a comma, a
 * double quote or a line break quoted, quotes doubled). `record` says which a row is; offsets
 * point into the document's clean text, `rule` names what made the row.
 */
import type { Doc, Ledger } from '../../core/types.js';
import { sliceSpan } from '../../core/span.js';
import { exportDate } from '../export.js';

export const CSV_COLUMNS = [
  'record',
  'id',
  'document',
  'document_title',
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
  'text',
  'start',
  'end',
  'rule',
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const dateText = (d: ReturnType<typeof exportDate>): string | null => (d === null ? null : typeof d === 'string' ? d : d.start && d.end && d.start !== d.end ? `${d.start}/${d.end}` : (d.start ?? d.timex));

export function renderCsv(docs: readonly Doc[], ledger: Ledger): string {
  const entities = new Map(ledger.entities.map((e) => [e.id, e]));
  const events = new Map(ledger.events.map((e) => [e.id, e]));
  const byDoc = new Map(docs.map((d) => [d.id, d]));
  const rows: Row[] = [];
  for (const d of docs) {
    for (const s of d.statements) {
      const speaker = s.speaker.local ? (ledger.entityOf.get(d.id)?.get(s.speaker.local) ?? null) : null;
      const e = speaker ? entities.get(speaker) : undefined;
      rows.push({
        record: 'statement',
        id: `${d.id}:${s.id}`,
        document: d.id,
        document_title: d.meta.title,
        published: d.meta.published?.date ?? null,
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
  for (const lc of ledger.claims) {
    const d = byDoc.get(lc.doc);
    const c = lc.claim;
    const e = lc.source ? entities.get(lc.source) : undefined;
    rows.push({
      record: 'claim',
      id: lc.id,
      document: lc.doc,
      document_title: d?.meta.title ?? null,
      published: d?.meta.published?.date ?? null,
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
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((k) => csvField(r[k])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
