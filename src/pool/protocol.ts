/**
 * The messages between the analysis pool (main thread) and its workers. Everything here
 * crosses a thread boundary by structured clone: plain data only, no classes.
 */
import type { Doc } from '../core/types.js';
import type { InputItem } from '../ingest/index.js';
import type { PipelineOptions } from '../pipeline.js';
import type { AnalysedRow } from '../store/analysed-row.js';

/** workerData: what every worker needs before its first document. */
export interface WorkerInit {
  /** The user lexicon files of this run (--lexicon), so workers see the same lexicons. */
  lexiconFiles: string[];
  pipeline: PipelineOptions;
  /** Drop the token layer before sending a Doc back: the largest layer, and the store never keeps it. */
  dropTokens: boolean;
  /** Send each document back as the row the store writes (strings), not as a Doc. */
  rows: boolean;
}

export interface Task {
  id: number;
  item: InputItem;
}

/** A rejected input as plain data (InputError does not survive a structured clone). */
export interface PlainInputError {
  item: string;
  message: string;
  ruleId: string;
  line?: number;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; doc: Doc }
  | { kind: 'row'; id: number; row: AnalysedRow }
  | { kind: 'failed'; id: number; error: PlainInputError }
  | { kind: 'warning'; file: string; reason: string; ruleId: string };
