/** A .json file: one record, or an array of records (source `file.json#INDEX`). */
import { InputError } from '../../core/message.js';
import type { InputItem, ReadOptions } from '../index.js';
import { mapRecord, recordItem } from '../record.js';

export function* readJson(source: string, text: string, opts: ReadOptions): Generator<InputItem | InputError> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    yield new InputError(source, `malformed JSON: ${(err as Error).message.split('\n')[0]}`, 'ingest/bad-json');
    return;
  }
  const list = Array.isArray(data) ? data : [data];
  for (let i = 0; i < list.length; i++) {
    const where = Array.isArray(data) ? `${source}#${i}` : source;
    const v: unknown = list[i];
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      yield new InputError(where, 'not a JSON object', 'ingest/bad-record');
      continue;
    }
    const rec = mapRecord(v as Record<string, unknown>, opts.fieldMap);
    if (!rec.text && !rec.html) yield new InputError(where, 'record has no text or html field', 'ingest/empty-record');
    else yield recordItem(rec, where, 'json-record');
  }
}
