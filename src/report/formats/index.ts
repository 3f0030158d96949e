/** Report formats, looked up by name (`walkback report --format NAME`). */
import type { Doc, Ledger } from '../../core/types.js';
import { renderText } from './text.js';
import { renderMarkdown } from './md.js';
import { renderHtml } from './html.js';
import { renderTimelineJs } from './timelinejs.js';
import { renderCsv, type CsvTable } from './csv.js';

/** The options of `walkback report`; each format reads those it knows. */
export interface ReportOptions {
  /** csv: only statements, claims or conflicts. */
  table?: CsvTable;
  /** csv: start with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** html: when the report was generated (default now). */
  generatedAt?: Date;
}

export type ReportFormat = (docs: readonly Doc[], ledger: Ledger, opts?: ReportOptions) => string;

export const formats: Record<string, ReportFormat> = {
  text: (docs, ledger) => renderText(docs, ledger),
  md: renderMarkdown,
  html: (docs, ledger, opts) => renderHtml(docs, ledger, { generatedAt: opts?.generatedAt }),
  timelinejs: renderTimelineJs,
  csv: (docs, ledger, opts) => renderCsv(docs, ledger, { table: opts?.table, bom: opts?.bom }),
};
