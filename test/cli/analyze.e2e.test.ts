/**
 * The CLI end to end on examples/: analyze into the embedded store, export, report, re-run.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import type { WalkbackExport } from '../../src/report/export.js';

const examples = join(process.cwd(), 'examples');
const articleCount = readdirSync(examples).filter((f) => /\.(txt|md|html)$/.test(f)).length;

describe('walkback analyze / export / report on examples/', () => {
  const dir = tempDir();
  const db = join(dir, 'walkback.db');
  let exp: WalkbackExport;

  beforeAll(async () => {
    const a = await cli('analyze', examples, '--db', db);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(new RegExp(`analyzed ${articleCount} input\\(s\\): ${articleCount} new, 0 unchanged, 0 failed`));
    const e = await cli('export', '--db', db, '--format', 'json');
    expect(e.code).toBe(0);
    exp = JSON.parse(e.out) as WalkbackExport;
  });

  it('exports every document with its source (a file by its name only), title, date and clean text', () => {
    expect(exp.schema).toBe('walkback.export/v1');
    expect(exp.documents).toHaveLength(articleCount);
    for (const d of exp.documents) {
      expect(d.source).toMatch(/^\d\d-[a-z-]+\.(txt|html)$/);
      expect(d.title).toBeTruthy();
      expect(d.published).toMatch(/^2024-10-\d\d$/);
      expect(d.text.length).toBeGreaterThan(500);
      expect(d.text).not.toMatch(/<\/?p>|min read/);
    }
  });

  it('finds statements and claims whose spans point at their text', () => {
    expect(exp.statements.length).toBeGreaterThan(10);
    const byId = new Map(exp.documents.map((d) => [d.id, d]));
    for (const s of exp.statements) {
      const d = byId.get(s.document)!;
      expect(d.text.slice(s.content.start, s.content.end)).toBe(s.text);
      expect(s.rule).toMatch(/\//);
    }
    expect(exp.claims.length).toBeGreaterThan(5);
    for (const c of exp.claims) expect(byId.get(c.document)!.text.slice(c.span.start, c.span.end)).toBe(c.text);
  });

  it('finds at least one conflict between claims of one event', () => {
    expect(exp.conflicts.length).toBeGreaterThanOrEqual(1);
    const claims = new Map(exp.claims.map((c) => [c.id, c]));
    for (const k of exp.conflicts) {
      const [a, b] = k.claims.map((id) => claims.get(id)!);
      expect(a.event).toBe(k.event);
      expect(b.event).toBe(k.event);
      expect(k.explanation.length).toBeGreaterThan(20);
    }
  });

  it('prints a report with timelines and conflicts', async () => {
    const r = await cli('report', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/denial|reversal|walk_back|correction|contradiction/);
    const md = await cli('report', '--db', db, '--format', 'md');
    expect(md.out).toMatch(/^#/m);
  });

  it('adds nothing when run again on the same input', async () => {
    const again = await cli('analyze', examples, '--db', db);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(new RegExp(`0 new, ${articleCount} unchanged`));
    const e = await cli('export', '--db', db, '--format', 'json');
    expect(JSON.parse(e.out)).toEqual(exp);
  });
});

describe('bad input', () => {
  it('names each bad file in one line, analyses the rest, and exits 1', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'good.txt'), 'Ministers agree to talk\n\nThe harbour minister said on Monday that talks would resume next week.\n');
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    const db = join(dir, 'w.db');
    const r = await cli('analyze', inputs, '--db', db);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.includes('empty.txt'))).toBe(true);
    expect(lines.some((l) => l.includes('binary.txt'))).toBe(true);
    const e = JSON.parse((await cli('export', '--db', db)).out) as WalkbackExport;
    expect(e.documents.map((d) => d.source.split('/').pop())).toEqual(['good.txt']);
  });

  it('exits 2 naming the store when there is none', async () => {
    const r = await cli('export', '--db', join(tempDir(), 'missing.db'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.db: no such store/);
  });

  it('exits 2 on an unknown format', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.db');
    writeFileSync(join(dir, 'a.txt'), 'Title\n\nThe minister said the talks were over.\n');
    await cli('analyze', join(dir, 'a.txt'), '--db', db);
    const r = await cli('report', '--db', db, '--format', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format nope/);
  });
});

describe('walkback dates', () => {
  it('prints one JSON object a line for each time expression', async () => {
    const file = join(tempDir(), 'd.txt');
    writeFileSync(file, 'The minister spoke on Tuesday and will travel on March 3.');
    const r = await cli('dates', '--published', '2024-03-01', file);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { start: number; end: number; text: string; type: string; value: string });
    const text = readFileSync(file, 'utf8');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(text.slice(row.start, row.end)).toBe(row.text);
    expect(rows.find((r2) => r2.text.includes('Tuesday'))?.value).toBe('2024-02-27');
    expect(rows.find((r2) => r2.text.includes('March 3'))?.value).toBe('2024-03-03');
  });
});

describe('records and copies', () => {
  it('reads JSON Lines with mapped field names, and marks a reposted story as a copy', async () => {
    const dir = tempDir();
    const story = 'The harbour board said on Monday that the lease talks had been suspended. "We will not sign anything this month," the board chairwoman told reporters.';
    const lines = [
      { link: 'https://one.example/a', headline: 'Lease talks suspended', body: story, date: '2024-10-07' },
      { link: 'https://two.example/b', headline: 'Harbour lease talks on hold', body: story, date: '2024-10-07' },
      'not json',
    ].map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
    writeFileSync(join(dir, 'feed.jsonl'), lines.join('\n') + '\n');
    const db = join(dir, 'w.db');
    const r = await cli('analyze', join(dir, 'feed.jsonl'), '--db', db, '--field', 'link=url', 'headline=title', 'body=text', 'date=published');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/feed\.jsonl:3/);
    const e = JSON.parse((await cli('export', '--db', db)).out) as WalkbackExport;
    expect(e.documents.map((d) => [d.source, d.title, d.published])).toEqual([
      ['https://one.example/a', 'Lease talks suspended', '2024-10-07'],
      ['https://two.example/b', 'Harbour lease talks on hold', '2024-10-07'],
    ]);
    expect(e.documents[0]!.duplicateOf).toBeNull();
    expect(e.documents[1]!.duplicateOf).toBe(e.documents[0]!.id);
  });
});
