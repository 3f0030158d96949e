/** Report formats, looked up by name (`walkback report --format NAME`). */
import type { Doc, Ledger } from '../../core/types.js';
import type { SnapshotReads } from '../../store/port.js';
import { memoryReads } from '../memory-reads.js';
import { openReport } from './view.js';
import { writeText } from './text.js';
import { writeMarkdown } from './md.js';
import { writeHtml } from './html.js';
import { writeTimelineJs } from './timelinejs.js';
import { writeCsv, type CsvTable } from './csv.js';

/** The options of `walkback report`; each format reads those it knows. */
export interface ReportOptions {
  /** csv: only statements, claims or conflicts. */
  table?: CsvTable;
  /** csv: start with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** html: when the report was generated (default now). */
  generatedAt?: Date;
  /** text: wrap lines at this width (0: no wrapping; default 100). */
  width?: number;
}

/** A format writes the report of one snapshot of the store, piece by piece, through `write`. */
export type ReportFormat = (reads: SnapshotReads, write: (s: string) => void, opts?: ReportOptions) => Promise<void>;

export const formats: Record<string, ReportFormat> = {
  text: async (reads, write, opts) => writeText(await openReport(reads), write, { width: opts?.width }),
  md: async (reads, write) => writeMarkdown(await openReport(reads), write),
  html: async (reads, write, opts) => writeHtml(await openReport(reads), write, { generatedAt: opts?.generatedAt }),
  timelinejs: async (reads, write) => writeTimelineJs(await openReport(reads, { numberSources: false }), write),
  csv: (reads, write, opts) => writeCsv(reads, write, { table: opts?.table, bom: opts?.bom }),
};

/** A format's text for analysed documents and their ledger in memory (the library, tests). */
export async function renderReport(format: string, docs: readonly Doc[], ledger: Ledger, opts?: ReportOptions): Promise<string> {
  const render = formats[format];
  if (!render) throw new Error(`unknown report format: ${format}`);
  let out = '';
  await render(memoryReads(docs, ledger), (s) => (out += s), opts);
  return out;
}
