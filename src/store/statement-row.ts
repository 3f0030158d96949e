import type { StatementCore } from '../report/export.js';

type ExportStatement = StatementCore;

/** What `statements.data` holds: the export's fields that have no column of their own. */
export type StatementData = Pick<ExportStatement, 'cue' | 'addressee' | 'date' | 'span' | 'content' | 'rule'>;

/** A statement row as read: its columns, its `data` JSON, and the speaker the ledger names. */
export interface StatementDbRow {
  id: string;
  document: string;
  speakerText: string;
  kind: string;
  text: string;
  data: string;
  speaker: string | null;
}

/** The columns a StatementDbRow is read from (`s` statements, `p` speakers). */
export const statementColumns = 's.id, s.document, s.speaker_text AS "speakerText", s.kind, s.text, s.data, p.entity AS speaker';

export function statementData(st: ExportStatement): StatementData {
  return { cue: st.cue, addressee: st.addressee, date: st.date, span: st.span, content: st.content, rule: st.rule };
}

/**
 * A stored statement as the export has it, less where it was published (its document's, which
 * readers add: report/export.ts docSource). The speaker is the entity the ledger's `speakers`
 * table names. A version 1 row's `data` holds the whole export row, and reads the same.
 */
export function statementOfRow(r: StatementDbRow): ExportStatement {
  const d = JSON.parse(r.data) as StatementData;
  return { id: r.id, document: r.document, speaker: r.speaker, speakerText: r.speakerText, kind: r.kind, text: r.text, cue: d.cue ?? null, addressee: d.addressee ?? null, date: d.date ?? null, span: d.span, content: d.content, rule: d.rule };
}
