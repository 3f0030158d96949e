/**
 * The small holes of ingestion: UTF-16 without a byte-order mark, random bytes stored as an
 * empty document, file names that write control characters to the terminal, a feed whose root
 * element comes after a long prolog, and symbolic links in folders.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, type InputItem } from '../../src/ingest/index.js';
import { sniffFormat } from '../../src/ingest/format.js';
import { decodeBytes } from '../../src/clean/decode.js';
import { buildDoc } from '../../src/clean/index.js';
import { InputError, printable } from '../../src/core/message.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { cli, tempDir } from '../helpers/cli.js';

async function collect(paths: string[]): Promise<Array<InputItem | InputError>> {
  const out: Array<InputItem | InputError> = [];
  for await (const x of readInputs(paths)) out.push(x);
  return out;
}
const items = (xs: Array<InputItem | InputError>): InputItem[] => xs.filter((x): x is InputItem => !(x instanceof InputError));
const errors = (xs: Array<InputItem | InputError>): InputError[] => xs.filter((x): x is InputError => x instanceof InputError);

const TEXT = 'Quarry Road Reopens\n\nThe county engineer said on Thursday that the quarry road would reopen next week.\n';

/** Bytes that look like nothing: no NULs, few control characters, no words (a fixed pseudo-random sequence). */
function noise(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    b[i] = 0x7f + (x % 0x80);
  }
  return b;
}

/** A small seeded generator of numbers in [0, 1) (mulberry32): noise that every run sees alike. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('UTF-16 without a byte-order mark', () => {
  it.each([
    ['utf-16le', Buffer.from(TEXT, 'utf16le')],
    ['utf-16be', Buffer.from(TEXT, 'utf16le').swap16()],
  ])('is decoded as %s, not rejected as binary', (encoding, bytes) => {
    const d = decodeBytes('q.txt', bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(TEXT);
    expect(buildDoc({ source: 'q.txt', bytes, format: 'txt' }).text).toContain('quarry road would reopen');
  });

  it('binary data with NULs on both positions is still binary', () => {
    const bin = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 7, 0]);
    expect(() => decodeBytes('b.bin', bin)).toThrow(/binary/);
  });

  it('a UTF-16 feed is sniffed and read as a feed', async () => {
    const dir = tempDir();
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>Dale Courier</title><item><title>Road reopens</title><link>https://dale.example/road</link><description>The county engineer said the road would reopen.</description></item></channel></rss>';
    writeFileSync(join(dir, 'feed'), Buffer.from(rss, 'utf16le'));
    const got = await collect([join(dir, 'feed')]);
    expect(errors(got)).toEqual([]);
    expect(items(got).map((i) => [i.format, i.record?.title])).toEqual([['feed-item', 'Road reopens']]);
  });
});

describe('input that decodes to no text', () => {
  it('random bytes are rejected naming the file, not stored as an empty document', () => {
    expect(() => buildDoc({ source: 'noise.txt', bytes: noise(3000), format: 'txt' })).toThrow(InputError);
    try {
      buildDoc({ source: 'noise.txt', bytes: noise(3000), format: 'txt' });
    } catch (e) {
      expect((e as InputError).format()).toMatch(/^noise\.txt {2}error {2}no readable text.*ingest\/no-text$/);
    }
  });

  /** Printable noise, base64 and figures: valid UTF-8 (no decoding error) with hardly a word. */
  const printableNoise = Buffer.from(Array.from({ length: 3000 }, mulberry32(7)).map((r) => String.fromCharCode(0x20 + Math.floor(r * 95))).join(''));
  const base64 = Buffer.from(noise(2400).toString('base64').replace(/(.{76})/g, '$1\n'));
  const figures = Buffer.from('4471 0093 2210 -- 17.5% ## 88/12 $ 1200 |||| 0x3f 991 +44 (0) 7700 900123\n'.repeat(20));

  it.each([
    ['printable noise', printableNoise],
    ['base64', base64],
    ['numbers and symbols', figures],
  ])('valid UTF-8 that is %s is rejected naming the file', (_, bytes) => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    expect(() => buildDoc({ source: 'junk.txt', bytes, format: 'txt' })).toThrow(InputError);
    try {
      buildDoc({ source: 'junk.txt', bytes, format: 'txt' });
    } catch (e) {
      expect((e as InputError).format()).toMatch(/^junk\.txt {2}error {2}no readable text.*ingest\/no-text$/);
    }
  });

  it.each([
    ['English with figures', 'Harbour Fees Rise\n\nThe Norland harbour board said on 4 May that fees would rise 12.5% to $1,200 a berth from 2027.\n'],
    ['German', 'Der Hafenrat von Norland sagte am Montag, dass die Gebühren im nächsten Jahr steigen würden.\n'],
    ['Chinese', '诺兰港务局周一表示，明年的泊位费用将上涨。双方代表已经抵达会场。\n'],
  ])('prose in %s is still read', (_, text) => {
    expect(() => buildDoc({ source: 'note.txt', bytes: Buffer.from(text), format: 'txt' })).not.toThrow();
  });

  it('the CLI exits 1 with one line for it, and the batch goes on', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'good.txt'), TEXT);
    writeFileSync(join(inputs, 'noise.txt'), noise(3000));
    const db = join(dir, 'w.db');
    const r = await cli('analyze', inputs, '--db', db, '--jobs', '0');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/noise\.txt {2}error {2}no readable text.*ingest\/no-text/)]);
    const e = JSON.parse((await cli('export', '--db', db)).out) as WalkbackExport;
    expect(e.documents.map((d) => d.source.split('/').pop())).toEqual(['good.txt']);
  });
});

describe('file names with control characters', () => {
  it('printable escapes newlines, escape sequences and bidi overrides', () => {
    expect(printable('a\nb\x1b[31mc\u202ed\te')).toBe('a\\nb\\x1b[31mc\\u202ed\\te');
    expect(printable('plain name – ok.txt')).toBe('plain name – ok.txt');
  });

  it('an error naming such a file stays one line with no raw control character', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'fake\nok.txt  error  \x1b[32mgreen.txt'), '');
    const r = await cli('analyze', inputs, '--db', join(dir, 'w.db'), '--jobs', '0');
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('fake\\nok.txt  error  \\x1b[32mgreen.txt');
    // eslint-disable-next-line no-control-regex
    expect(r.err.trimEnd()).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('a fatal error naming the store is escaped too', async () => {
    const r = await cli('export', '--db', join(tempDir(), 'no\x1b]0;title\x07.db'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no\\x1b]0;title\\x07.db: no such store');
  });
});

describe('a feed whose root element comes after 4 KB', () => {
  const rss = (prolog: string): string =>
    `<?xml version="1.0" encoding="utf-8"?>\n${prolog}\n<rss version="2.0"><channel><title>Dale Courier</title><item><title>Road reopens</title><description>The county engineer said the road would reopen.</description></item></channel></rss>\n`;
  const longComment = `<!-- ${'This feed is published under an invented licence for testing. '.repeat(120)} -->`;
  const stylesheet = '<?xml-stylesheet type="text/xsl" href="feed.xsl"?>\n'.repeat(100);

  it.each([
    ['a long comment', longComment],
    ['many processing instructions', stylesheet],
    ['a doctype with an internal subset', `<!DOCTYPE rss [${'<!ENTITY x "y">\n'.repeat(400)}]>`],
  ])('is sniffed as a feed after %s', async (_, prolog) => {
    const bytes = Buffer.from(rss(prolog));
    expect(bytes.indexOf('<rss')).toBeGreaterThan(4096);
    expect(sniffFormat(bytes)).toBe('feed');
    const dir = tempDir();
    writeFileSync(join(dir, 'feed.xml'), bytes);
    expect(items(await collect([join(dir, 'feed.xml')])).map((i) => i.record?.title)).toEqual(['Road reopens']);
  });

  it('a page is still a page', () => {
    expect(sniffFormat(Buffer.from(`<!DOCTYPE html>\n${longComment}\n<html><body><p>The road reopened.</p></body></html>`))).toBe('html');
  });
});

describe('symbolic links in folders', () => {
  it('are followed to files and folders; a loop is read once; a broken link is named in one line', async () => {
    const dir = tempDir();
    const root = join(dir, 'in');
    const other = join(dir, 'elsewhere');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(other);
    writeFileSync(join(root, 'a.txt'), TEXT);
    writeFileSync(join(other, 'b.txt'), TEXT.replace('Thursday', 'Friday'));
    writeFileSync(join(other, 'c.txt'), TEXT.replace('Thursday', 'Monday'));
    symlinkSync(join(other, 'b.txt'), join(root, 'link-b.txt'));
    symlinkSync(other, join(root, 'linked-dir'));
    symlinkSync(root, join(root, 'sub', 'loop'));
    symlinkSync(join(dir, 'nothing.txt'), join(root, 'broken.txt'));
    const got = await collect([root]);
    expect(items(got).map((i) => i.source.slice(root.length + 1))).toEqual(['a.txt', 'link-b.txt', 'linked-dir/b.txt', 'linked-dir/c.txt']);
    expect(errors(got).map((e) => e.format())).toEqual([expect.stringMatching(/broken\.txt {2}error {2}broken symbolic link: ENOENT/)]);
  });
});
