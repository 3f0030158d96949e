import type { WalkbackExport } from '../report/export.js';

/**
 * A stored statement as the export has it: its `data` column holds the export row written with
 * its document (speaker null); `speaker` is the entity the ledger's `speakers` table names.
 */
export function statementOfRow(r: { data: string; speaker: string | null }): WalkbackExport['statements'][number] {
  return { ...(JSON.parse(r.data) as WalkbackExport['statements'][number]), speaker: r.speaker };
}
