import { describe, expect, it } from 'vitest';
import { mdEscape } from '../../../src/report/formats/md.js';
import { formats, renderReport } from '../../../src/report/formats/index.js';
import { fixture } from './fixture.js';
import { memoryReads } from '../../../src/report/memory-reads.js';

const { docs, ledger } = fixture();
const out = await renderReport('md', docs, ledger);
const lines = out.split('\n');
const indexOf = (needle: string): number => {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}\n${out}`);
  return i;
};

describe('renderMarkdown', () => {
  it('is titled after the story, with a summary', async () => {
    expect(lines.slice(0, 3)).toEqual(['# Port Halden harbor lease', '', '3 documents · 3 events · 6 claims · 1 conflict']);
  });

  it('gives each event with claims a section, most recent activity first, the others one list', async () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Port Halden harbor lease', '## Norland–Veloria leaders call', '## Events no claim speaks of (1)', '## Sources']);
    expect(lines[indexOf('## Events no claim') + 2]).toBe('Brenn visit to Port Halden');
  });

  it('says each event\'s type, status and participants in plain words', () => {
    expect(lines[indexOf('## Port Halden') + 2]).toBe('deal · status now: **not agreed** · Norland government, Veloria government · in Port Halden');
    expect(out).not.toMatch(/not_agreed|walk_back/);
  });

  it('tabulates the dated claims by statement date, the undated on one line', async () => {
    const i = indexOf('| Date | Source | Status | Evidence |');
    expect(lines.slice(i, i + 5)).toEqual([
      '| Date | Source | Status | Evidence |',
      '|---|---|---|---|',
      '| 2024-10-03 | Aldo Brenn (Norland government) | agreed | "The lease is done and signed" [1] |',
      '| 2024-10-05 | Ines Varga (Veloria government) | not agreed | "No agreement was ever reached" [2] |',
      '| 2024-10-05 | Ines Varga (Veloria government) | possible, hedged | "Talks could resume next month" [2] |',
    ]);
    expect(lines[i + 6]).toBe('Undated: a harbor official: postponed [3]');
  });

  it('lists a conflict as an episode: the disputed claim, then each source disputing it', async () => {
    const i = indexOf('- Disputed:');
    expect(lines.slice(i, i + 2)).toEqual(['- Disputed: Aldo Brenn, 2024-10-03: agreed "The lease is done and signed" [1]', '  - **denial**: Ines Varga, 2024-10-05: not agreed "No agreement was ever reached" [2]']);
  });

  it('links a claim to the quote in its article, and lists the sources with their URL', async () => {
    const f = fixture();
    f.docs[0]!.meta.url = 'https://coastal.example/lease (2)';
    const md = await renderReport('md', f.docs, f.ledger);
    expect(md).toContain('"The lease is done and signed" [[1]](https://coastal.example/lease%20%282%29#:~:text=The%20lease%20is%20done%20and%20signed) |');
    expect(md).toContain('\n1. Coastal Ledger, 2024-10-03: Harbor lease agreed, says Norland minister — <https://coastal.example/lease%20%282%29>\n');
    expect(md).toContain('\n3. feed.jsonl:7\n');
  });

  it('ends with the unplaced statement count', async () => {
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 statement placed on no event.');
  });

  it('escapes table-breaking characters in evidence', async () => {
    const { docs: d, ledger: l } = fixture();
    d[0]!.text = d[0]!.text.replace('The lease is done', 'The lease|is done');
    const md = await renderReport('md', d, l);
    expect(md).toContain('"The lease\\|is done and signed"');
  });

  it('is registered as the md format, and written an event at a time', async () => {
    const parts: string[] = [];
    await formats.md!(memoryReads(docs, ledger), (s) => parts.push(s));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toBe(out);
  });
});

describe('mdEscape', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* and `code`', '\\*bold\\* and \\`code\\`'],
    ['not_agreed', 'not_agreed'],
    ['<script>', '\\<script\\>'],
    ['[link]', '\\[link\\]'],
  ])('%s', (input, expected) => {
    expect(mdEscape(input)).toBe(expected);
  });
});
