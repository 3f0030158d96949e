// PLACEHOLDER: the ingest helper replaces this file.
import type { InputError } from '../core/message.js';

/** One article's input as read: bytes plus whatever a record or feed already says of it. */
export interface InputItem {
  /** Path, URL, or 'file.jsonl:LINE' for a record; the export's documents.source. */
  source: string;
  bytes: Buffer;
  /** Format hint from the extension or the record: 'txt' | 'md' | 'html' | 'json-record' | 'feed-item'. */
  format: string;
  /** Fields a JSON record or a feed item gave. */
  record?: { url?: string; title?: string; text?: string; html?: string; published?: string; outlet?: string; author?: string | string[] };
}

export interface ReadOptions {
  include?: string[];
  exclude?: string[];
  /** Files over this many bytes are rejected. Default 20 MB. */
  maxBytes?: number;
}

export async function* readInputs(paths: string[], _opts: ReadOptions = {}): AsyncGenerator<InputItem | InputError> {
  const { readFileSync, statSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const files = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((f) => files(join(p, f))) : [p]);
  for (const p of paths.flatMap(files)) yield { source: p, bytes: readFileSync(p), format: p.endsWith('.html') ? 'html' : 'txt' };
}
