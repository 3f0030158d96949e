/** A .jsonl / .ndjson file: one record a line (source `file.jsonl:LINE`); a bad line is reported and the rest go on. */
import { InputError } from '../../core/message.js';
import type { InputItem, ReadOptions } from '../index.js';
import { mapRecord, recordItem } from '../record.js';

export function* readJsonl(source: string, text: string, opts: ReadOptions): Generator<InputItem | InputError> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${source}:${i + 1}`;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (err) {
      yield new InputError(source, `malformed JSON line: ${(err as Error).message.split('\n')[0]}`, 'ingest/bad-jsonl', i + 1);
      continue;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      yield new InputError(source, 'line is not a JSON object', 'ingest/bad-record', i + 1);
      continue;
    }
    const rec = mapRecord(v as Record<string, unknown>, opts.fieldMap);
    if (!rec.text && !rec.html) yield new InputError(source, 'record has no text or html field', 'ingest/empty-record', i + 1);
    else yield recordItem(rec, where, 'json-record');
  }
}
