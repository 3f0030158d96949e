import { describe, expect, it } from 'vitest';
import { renderMarkdown, mdEscape } from '../../../src/report/formats/md.js';
import { formats } from '../../../src/report/formats/index.js';
import { fixture } from './fixture.js';

const { docs, ledger } = fixture();
const out = renderMarkdown(docs, ledger);
const lines = out.split('\n');
const indexOf = (needle: string): number => {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}\n${out}`);
  return i;
};

describe('renderMarkdown', () => {
  it('has a title and a summary', () => {
    expect(lines.slice(0, 3)).toEqual(['# walkback report', '', '3 documents · 3 events · 6 claims · 1 conflict']);
  });

  it('gives each event a section, most recent activity first', () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Port Halden harbor lease',
      '## Norland–Veloria leaders call',
      '## Brenn visit to Port Halden',
      '## Unplaced statements',
    ]);
  });

  it.each([
    ['## Port Halden harbor lease', 'deal', 'Norland government, Veloria government', 'not_agreed'],
    ['## Norland–Veloria leaders call', 'call', 'Veloria government, Norland government', 'held'],
    ['## Brenn visit to Port Halden', 'visit', 'Aldo Brenn', 'unknown'],
  ])('%s lists type, participants and status now', (head, type, participants, status) => {
    const section = lines.slice(indexOf(head), indexOf(head) + 8);
    expect(section).toContain(`- **Type:** ${type}`);
    expect(section).toContain(`- **Participants:** ${participants}`);
    expect(section).toContain(`- **Status now:** ${status}`);
  });

  it('tabulates the timeline by statement date with the evidence text', () => {
    const i = indexOf('| Date | Source |');
    expect(lines.slice(i, i + 6)).toEqual([
      '| Date | Source | Status | Evidence | Document |',
      '|---|---|---|---|---|',
      '| 2024-10-03 | Aldo Brenn (Norland government) | agreed | "The lease is done and signed" | Harbor lease agreed, says Norland minister (Coastal Ledger) |',
      '| 2024-10-05 | Ines Varga (Veloria government) | not_agreed | "No agreement was ever reached" | Veloria says no harbor deal was reached |',
      '| 2024-10-05 | Ines Varga (Veloria government) | possible [hedged] | "Talks could resume next month" | Veloria says no harbor deal was reached |',
      '| unknown | a harbor official | postponed | "The lease talks are postponed" | feed.jsonl:7 |',
    ]);
  });

  it('quotes both evidence sentences of a conflict as one blockquote', () => {
    const i = indexOf('- **denial**:');
    expect(lines[i]).toBe('- **denial**: Ines Varga (Veloria government) on 2024-10-05 says not_agreed, rejecting Aldo Brenn (Norland government) on 2024-10-03 saying agreed.');
    expect(lines.slice(i + 2, i + 5)).toEqual([
      '  > "The lease is done and signed, Transport Minister Aldo Brenn said on Thursday." — Aldo Brenn, 2024-10-03',
      '  >',
      '  > "No agreement was ever reached on the lease, Veloria spokeswoman Ines Varga said on Saturday." — Ines Varga, 2024-10-05',
    ]);
    expect(lines.filter((l) => l === '### Conflicts')).toHaveLength(1);
  });

  it('says when an event has no claims', () => {
    const i = indexOf('## Brenn visit to Port Halden');
    expect(lines.slice(i).indexOf('No claims.')).toBeGreaterThan(0);
  });

  it('ends with the unplaced statement count', () => {
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 statement placed on no event.');
  });

  it('escapes table-breaking characters in evidence', () => {
    const { docs: d, ledger: l } = fixture();
    d[0]!.text = d[0]!.text.replace('The lease is done', 'The lease|is done');
    const md = renderMarkdown(d, l);
    expect(md).toContain('"The lease\\|is done and signed"');
  });

  it('is registered as the md format', () => {
    expect(formats.md!(docs, ledger)).toBe(out);
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
