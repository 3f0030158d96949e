/**
 * Bytes to a string: a BOM decides; UTF-16 without one is told by its NUL bytes on every other
 * position; valid UTF-8 is UTF-8; anything else is detected with chardet and decoded with
 * iconv-lite (a warning says so). Binary input (NUL bytes elsewhere, many control characters)
 * is rejected with an InputError, never decoded into noise.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../core/message.js';
import type { Message } from '../core/message.js';

export interface Decoded {
  text: string;
  encoding: string;
  messages: Message[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bomEncoding(b: Buffer): { encoding: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark: text in a Latin script puts a NUL in the high byte of most
 * characters, so NULs fall on odd positions (little-endian) or even ones (big-endian), almost
 * never on the other. Binary data has NULs on both.
 */
export function utf16Encoding(b: Buffer): 'utf-16le' | 'utf-16be' | null {
  const bom = bomEncoding(b);
  if (bom) return bom.encoding === 'utf-8' ? null : (bom.encoding as 'utf-16le' | 'utf-16be');
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** An input's first `maxBytes` bytes as text, UTF-16 decoded as such (for sniffing formats and reading records). */
export function textOfBytes(b: Buffer, maxBytes = Infinity): string {
  const enc = utf16Encoding(b);
  const head = Number.isFinite(maxBytes) ? b.subarray(0, maxBytes) : b;
  if (!enc) return head.toString('utf8').replace(/^\uFEFF/, '');
  return iconv.decode(head.subarray(bomEncoding(b) ? 2 : 0, head.length & ~1), enc);
}

/** NUL bytes or more than 10% control characters (other than tab, CR, LF, FF) in the first 8 KB. */
export function looksBinary(b: Buffer): boolean {
  const n = Math.min(b.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control / n > 0.1;
}

function controlShare(s: string): number {
  const n = Math.min(s.length, 8192);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / n;
}

export function decodeBytes(source: string, bytes: Buffer): Decoded {
  if (bytes.length === 0) throw new InputError(source, 'empty input', 'ingest/empty');
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = iconv.decode(bytes.subarray(bom.skip), bom.encoding);
    if (controlShare(text) > 0.1) throw new InputError(source, `binary content (after a ${bom.encoding} BOM)`, 'ingest/binary');
    return { text, encoding: bom.encoding, messages: [] };
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = iconv.decode(bytes.length % 2 ? bytes.subarray(0, -1) : bytes, utf16);
    if (controlShare(text) > 0.1) throw new InputError(source, `binary content (read as ${utf16} without a byte-order mark)`, 'ingest/binary');
    return { text, encoding: utf16, messages: [] };
  }
  if (looksBinary(bytes)) throw new InputError(source, 'binary content (NUL bytes or control characters)', 'ingest/binary');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', messages: [] };
  } catch {
    // Not UTF-8: a legacy encoding (windows-1252, latin-1, koi8-r...) or damaged UTF-8.
  }
  const lossy = bytes.toString('utf8');
  const { replaced, wide } = countUtf8(lossy);
  // Mostly good UTF-8 with a few bad bytes: keep UTF-8 rather than re-reading it all as latin-1.
  if (wide > 0 && replaced <= wide) {
    return {
      text: lossy,
      encoding: 'utf-8',
      messages: [{ reason: `invalid UTF-8: ${replaced} byte sequence(s) replaced`, ruleId: 'ingest/bad-encoding', fatal: false }],
    };
  }
  const guess = chardet.detect(bytes);
  const encoding = guess && iconv.encodingExists(guess) && !/^utf-?8$/i.test(guess) ? guess : 'windows-1252';
  const text = iconv.decode(bytes, encoding);
  return {
    text,
    encoding: encoding.toLowerCase(),
    messages: [{ reason: `not valid UTF-8: decoded as ${encoding.toLowerCase()}`, ruleId: 'ingest/bad-encoding', fatal: false }],
  };
}

function countUtf8(s: string): { replaced: number; wide: number } {
  let replaced = 0;
  let wide = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) wide++;
  }
  return { replaced, wide };
}
