/**
 * readInputs: paths, folders, `-` (stdin) and http(s) URLs to input items, one article each.
 * JSON, JSONL and feeds are expanded into one item per record. A bad input is yielded as an
 * InputError naming it (and its line) and the batch goes on; nothing here throws.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../core/message.js';
import { walkPaths } from './walk.js';
import { fetchUrl } from './fetch-url.js';
import { formatFromName, formatFromContentType, resolveFormat, type InputFormat } from './format.js';
import { readJson } from './readers/json.js';
import { readJsonl } from './readers/jsonl.js';
import { readFeed } from './readers/feed.js';
import { partRanges } from './split.js';
import { textOfBytes } from '../clean/decode.js';

/** The fields of a JSON record or feed item, after fieldMap. */
export interface ArticleRecord {
  url?: string;
  title?: string;
  text?: string;
  html?: string;
  published?: string;
  outlet?: string;
  author?: string | string[];
}

/** One article's input as read: bytes plus whatever a record or feed already says of it. */
export interface InputItem {
  /** Path, URL, or 'file.jsonl:LINE' / 'file.json#INDEX' for a record; the export's documents.source. */
  source: string;
  /** The raw bytes; for a record, its canonical JSON. */
  bytes: Buffer;
  /** 'txt' | 'md' | 'html' | 'json-record' | 'feed-item' (or 'unknown': buildDoc sniffs). */
  format: string;
  /** Fields a JSON record or a feed item gave. */
  record?: ArticleRecord;
  /**
   * The source of the whole text this item is a part of (a long text split by split.ts). A
   * pool analyses one document's parts one at a time, so a long text holds one worker's memory, not every worker's.
   */
  partOf?: string;
}

export interface ReadOptions {
  include?: string[];
  exclude?: string[];
  /** Files over this many bytes are rejected. Default 20 MB. */
  maxBytes?: number;
  /** Record field name -> ours ('url' | 'title' | 'text' | 'html' | 'published' | 'outlet' | 'author'). */
  fieldMap?: Record<string, string>;
  /** URL fetch timeout in ms. Default 20 s. */
  timeoutMs?: number;
  /** A file inside a folder not read for its type (an image, a spreadsheet): told here, not as an error. */
  onOtherFile?: (file: string) => void;
  /** Where `-` reads from (default process.stdin); tests pass their own stream. */
  stdin?: AsyncIterable<Buffer | string>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const URL_RE = /^https?:\/\//i;

/** One input's bytes into items: records expanded, articles passed on. */
export function* expandInput(source: string, bytes: Buffer, hint: InputFormat, opts: ReadOptions): Generator<InputItem | InputError> {
  if (bytes.length === 0) {
    yield new InputError(source, 'empty input', 'ingest/empty');
    return;
  }
  const format = resolveFormat(hint, bytes);
  if (format === 'json' || format === 'jsonl' || format === 'feed') {
    const text = textOfBytes(bytes);
    if (format === 'json') yield* readJson(source, text, opts);
    else if (format === 'jsonl') yield* readJsonl(source, text, opts);
    else yield* readFeed(source, text);
    return;
  }
  const parts = format === 'txt' || format === 'md' ? partRanges(bytes) : null;
  if (parts) for (const [i, [a, b]] of parts.entries()) yield { source: `${source}#part${i + 1}`, bytes: Buffer.from(bytes.subarray(a, b)), format, partOf: source };
  else yield { source, bytes, format };
}

async function readStdin(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer | InputError> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    size += b.length;
    if (size > maxBytes) return new InputError('-', `over the size limit (> ${maxBytes} bytes)`, 'ingest/too-large');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem | InputError> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const files: string[] = [];
  const flushFiles = function* (): Generator<InputItem | InputError> {
    // In a folder, only the formats walkback knows by their extension are read; a file named on its own is sniffed.
    const walk = { readable: (f: string) => formatFromName(f) !== 'unknown', onOther: opts.onOtherFile };
    for (const f of walkPaths(files.splice(0), opts.include, opts.exclude, walk)) {
      if (f instanceof InputError) {
        yield f;
        continue;
      }
      yield* readFile(f, maxBytes, opts);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      yield* flushFiles();
      const bytes = await readStdin(opts.stdin ?? (process.stdin as AsyncIterable<Buffer>), maxBytes);
      if (bytes instanceof InputError) yield bytes;
      else yield* expandInput('-', bytes, 'unknown', opts);
    } else if (URL_RE.test(p)) {
      yield* flushFiles();
      const got = await fetchUrl(p, maxBytes, opts.timeoutMs ?? 20_000);
      if (got instanceof InputError) yield got;
      else {
        const byType = formatFromContentType(got.contentType);
        yield* expandInput(p, got.bytes, byType === 'unknown' || byType === 'txt' ? formatFromName(got.url) : byType, opts);
      }
    } else files.push(p);
  }
  yield* flushFiles();
}

function* readFile(file: string, maxBytes: number, opts: ReadOptions): Generator<InputItem | InputError> {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxBytes) {
      yield new InputError(file, `over the size limit (${size} > ${maxBytes} bytes)`, 'ingest/too-large');
      return;
    }
    bytes = readFileSync(file);
  } catch (err) {
    yield new InputError(file, `unreadable path: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'ingest/unreadable');
    return;
  }
  yield* expandInput(file, bytes, formatFromName(file), opts);
}
