import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { writeFileSync, mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, type InputItem, type ReadOptions } from '../../src/ingest/index.js';
import { InputError } from '../../src/core/message.js';

const FX = 'test/fixtures/ingest';
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'walkback-folder-'));

async function collect(paths: string[], opts: ReadOptions = {}): Promise<Array<InputItem | InputError>> {
  const out: Array<InputItem | InputError> = [];
  for await (const x of readInputs(paths, opts)) out.push(x);
  return out;
}
const items = (xs: Array<InputItem | InputError>): InputItem[] => xs.filter((x): x is InputItem => !(x instanceof InputError));
const errors = (xs: Array<InputItem | InputError>): InputError[] => xs.filter((x): x is InputError => x instanceof InputError);

describe('readInputs: files and folders', () => {
  it('walks a folder recursively, sorted, skipping hidden files and folders and setting aside files of other types', async () => {
    const other: string[] = [];
    const got = await collect([`${FX}/folder`], { onOtherFile: (f) => other.push(f) });
    expect(items(got).map((i) => i.source)).toEqual([`${FX}/folder/a.txt`, `${FX}/folder/sub/b.md`]);
    expect(items(got).map((i) => i.format)).toEqual(['txt', 'md']);
    expect(other).toEqual([`${FX}/folder/sub/notes.log`]);
    expect(errors(got)).toEqual([]);
  });

  it('reads a file of another type named on its own', async () => {
    expect(items(await collect([`${FX}/folder/sub/notes.log`])).map((i) => i.format)).toEqual(['txt']);
  });

  it.each([
    [{ include: ['*.txt'] }, ['a.txt']],
    [{ include: ['sub/**'] }, ['b.md']],
    [{ exclude: ['*.log'] }, ['a.txt', 'b.md']],
    [{ include: ['**/*.md', '*.txt'], exclude: ['a.*'] }, ['b.md']],
  ])('include/exclude globs %j', async (opts, names) => {
    const got = items(await collect([`${FX}/folder`], opts));
    expect(got.map((i) => i.source.split('/').pop())).toEqual(names);
  });

  it('reports an unreadable path and goes on', async () => {
    const got = await collect([`${FX}/no-such-file.txt`, `${FX}/folder/a.txt`]);
    expect(errors(got)[0]!.ruleId).toBe('ingest/unreadable');
    expect(items(got)).toHaveLength(1);
  });

  it('rejects an empty file and a file over the size limit', async () => {
    expect(errors(await collect([`${FX}/empty.txt`]))[0]!.ruleId).toBe('ingest/empty');
    const big = errors(await collect([`${FX}/article.txt`], { maxBytes: 100 }));
    expect(big[0]!.ruleId).toBe('ingest/too-large');
    expect(big[0]!.message).toMatch(/size limit/);
  });
});

describe('readInputs: records and feeds', () => {
  it('reads JSONL, reporting a malformed line by number and mapping other field names', async () => {
    const got = await collect([`${FX}/records.jsonl`]);
    const [a, c] = items(got);
    expect(a!.source).toBe('https://news.example/a');
    expect(a!.format).toBe('json-record');
    expect(a!.record).toMatchObject({ title: 'Mill reopens', outlet: 'Ternby Post', author: ['Lea Kross'], published: '2031-01-04' });
    expect(c!.source).toBe(`${FX}/records.jsonl:3`);
    expect(c!.record).toMatchObject({ title: 'Lake frozen', text: expect.stringContaining('lake froze') });
    const [e] = errors(got);
    expect(e!.line).toBe(2);
    expect(e!.format()).toContain('records.jsonl:2');
    expect(e!.ruleId).toBe('ingest/bad-jsonl');
  });

  it('uses fieldMap for field names of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-ingest-'));
    writeFileSync(join(dir, 'x.jsonl'), '{"story":"The ferry left at dawn, the captain said.","head":"Ferry leaves"}\n');
    const [it1] = items(await collect([dir], { fieldMap: { story: 'text', head: 'title' } }));
    expect(it1!.record).toMatchObject({ text: 'The ferry left at dawn, the captain said.', title: 'Ferry leaves' });
  });

  it('reads a JSON array, one item per record, source file#INDEX', async () => {
    const got = await collect([`${FX}/records.json`]);
    expect(items(got).map((i) => i.source)).toEqual([`${FX}/records.json#0`]);
    expect(errors(got).map((e) => [e.item, e.ruleId])).toEqual([[`${FX}/records.json#1`, 'ingest/empty-record']]);
  });

  it('gives the same record the same bytes (canonical JSON)', async () => {
    const a = items(await collect([`${FX}/records.jsonl`]))[0]!;
    const b = items(await collect([`${FX}/records.jsonl`]))[0]!;
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(JSON.parse(a.bytes.toString())).toEqual(a.record);
  });

  it.each([
    ['feed.rss', [['https://valley.example/fire', 'Orchard fire contained', 'Firefighters'], ['https://valley.example/market', 'Market day moved', 'weekly market']]],
    ['feed.atom', [['https://coast.example/lighthouse', 'Lighthouse sold', 'lighthouse at Cape Orla']]],
  ])('reads feed %s, one article an item', async (file, expected) => {
    const got = items(await collect([`${FX}/${file}`]));
    expect(got.map((i) => [i.source, i.record?.title, expected.find((e) => e[0] === i.source)![2]])).toEqual(expected);
    for (const [i, it2] of got.entries()) expect(it2.record!.html).toContain(expected[i]![2]);
    expect(got.every((i) => i.format === 'feed-item')).toBe(true);
  });

  it('reports a malformed JSON file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-ingest-'));
    writeFileSync(join(dir, 'bad.json'), '{"title": "x", ');
    const [e] = errors(await collect([dir]));
    expect(e!.ruleId).toBe('ingest/bad-json');
  });
});

describe('readInputs: stdin and URLs', () => {
  it('reads - from stdin and sniffs the format', async () => {
    const got = items(await collect(['-'], { stdin: Readable.from([Buffer.from('<html><body><p>Hi there.</p></body></html>')]) }));
    expect(got.map((i) => [i.source, i.format])).toEqual([['-', 'html']]);
  });

  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/story' });
        res.end();
      } else if (req.url === '/story') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><body><p>The canal reopened on Monday, the city said.</p></body></html>');
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(5000));
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2000);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const addr = server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('follows redirects and takes the format from the content type', async () => {
    const [it1] = items(await collect([`${base}/moved`]));
    expect(it1!.source).toBe(`${base}/moved`);
    expect(it1!.format).toBe('html');
    expect(it1!.bytes.toString()).toContain('canal reopened');
  });

  it.each([
    ['/missing', {}, /HTTP 404/],
    ['/big', { maxBytes: 1000 }, /size limit/],
    ['/slow', { timeoutMs: 200 }, /timed out/],
  ])('reports %s as an error', async (path, opts, reason) => {
    const [e] = errors(await collect([`${base}${path}`], opts));
    expect(e!.message).toMatch(reason);
  });
});

describe('readInputs: a folder as a newsroom keeps it', () => {
  it('reads the articles, skips hidden folders and node_modules, sets aside other files, and follows a symbolic link loop once', async () => {
    const dir = tempDir();
    const w = (p: string, body: string | Buffer): void => {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), body);
    };
    w('story/01-lease.txt', 'Norland signs the harbor lease, the minister said on Friday.');
    w('story/02-lease.html', '<html><body><p>Veloria denies a harbor deal.</p></body></html>');
    w('story/feeds/wire.jsonl', '{"title":"Lease","text":"The lease was signed, Lind said."}\n');
    w('story/photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    w('story/sources.csv', 'outlet,url\nCoastal Ledger,https://coastal.example\n');
    w('story/config.yml', 'lexicon: none\n');
    w('story/node_modules/pkg/README.md', '# a package, not an article');
    w('story/.git/HEAD', 'ref: refs/heads/main');
    w('story/.drafts/03.txt', 'A hidden draft.');
    symlinkSync(join(dir, 'story'), join(dir, 'story/feeds/loop'));
    const other: string[] = [];
    const got = await collect([join(dir, 'story')], { onOtherFile: (f) => other.push(f) });
    expect(errors(got)).toEqual([]);
    expect(items(got).map((i) => relative(dir, i.source))).toEqual(['story/01-lease.txt', 'story/02-lease.html', 'story/feeds/wire.jsonl:1']);
    expect(other.map((f) => relative(dir, f)).sort()).toEqual(['story/config.yml', 'story/photo.png', 'story/sources.csv']);
  });
});
