/** Report formats, looked up by name (`walkback report --format NAME`). */
import type { Doc, Ledger } from '../../core/types.js';
import { renderText } from './text.js';
import { renderMarkdown } from './md.js';
import { renderHtml } from './html.js';
import { renderTimelineJs } from './timelinejs.js';
import { renderCsv } from './csv.js';

export type ReportFormat = (docs: readonly Doc[], ledger: Ledger) => string;

export const formats: Record<string, ReportFormat> = {
  text: (docs, ledger) => renderText(docs, ledger),
  md: renderMarkdown,
  html: renderHtml,
  timelinejs: renderTimelineJs,
  csv: renderCsv,
};
