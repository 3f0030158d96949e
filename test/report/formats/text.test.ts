import { describe, expect, it } from 'vitest';
import { renderText, wrap, claimLine } from '../../../src/report/formats/text.js';
import { formats } from '../../../src/report/formats/index.js';
import { buildView } from '../../../src/report/formats/view.js';
import { fixture } from './fixture.js';

const { docs, ledger } = fixture();
const out = renderText(docs, ledger, { width: 0 });
const lines = out.split('\n');
const indexOf = (needle: string): number => {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}\n${out}`);
  return i;
};

describe('renderText', () => {
  it('starts with a summary line', () => {
    expect(lines[0]).toBe('walkback report: 3 documents, 3 events, 6 claims, 1 conflict');
  });

  it('orders events by most recent activity, events without claims last', () => {
    const order = ['Port Halden harbor lease (deal)', 'Norland–Veloria leaders call (call)', 'Brenn visit to Port Halden (visit)'].map(indexOf);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.each([
    ['Port Halden harbor lease (deal)', 'participants: Norland government, Veloria government', 'status now: not_agreed'],
    ['Norland–Veloria leaders call (call)', 'participants: Veloria government, Norland government', 'status now: held'],
    ['Brenn visit to Port Halden (visit)', 'participants: Aldo Brenn', 'status now: unknown'],
  ])('%s shows participants by name and its status now', (head, participants, status) => {
    const i = indexOf(head);
    expect(lines[i + 1]).toBe(`  ${participants}`);
    expect(lines.slice(i, i + 5)).toContain(`  ${status}`);
  });

  it('orders a timeline by statement date, the published date standing in, unknown last', () => {
    const timeline = [
      '    2024-10-03 · Aldo Brenn (Norland government) · agreed · "The lease is done and signed" — Harbor lease agreed, says Norland minister (Coastal Ledger)',
      '    2024-10-05 · Ines Varga (Veloria government) · not_agreed · "No agreement was ever reached" — Veloria says no harbor deal was reached',
      '    2024-10-05 · Ines Varga (Veloria government) · possible [hedged] · "Talks could resume next month" — Veloria says no harbor deal was reached',
      '    unknown · a harbor official · postponed · "The lease talks are postponed" — feed.jsonl:7',
    ];
    const i = indexOf('    2024-10-03 · Aldo Brenn');
    expect(lines.slice(i, i + 4)).toEqual(timeline);
    expect(lines[i - 1]).toBe('  timeline:');
  });

  it('shows a coarse date as its TIMEX and the article as source when nobody speaks', () => {
    const i = indexOf('2024-W39');
    expect(lines[i]).toBe('    2024-W39 · Coastal Ledger (the article) · planned · "the two leaders" — Harbor lease agreed, says Norland minister (Coastal Ledger)');
    expect(lines[i + 1]).toMatch(/^ {4}2024-10-03 · A Veloria official \(Veloria government\) · held · "a phone call between the two leaders took place"/);
  });

  it('lists conflicts with kind, explanation and both evidence sentences', () => {
    const i = indexOf('  conflicts:');
    expect(lines.slice(i, i + 4)).toEqual([
      '  conflicts:',
      '    denial: Ines Varga (Veloria government) on 2024-10-05 says not_agreed, rejecting Aldo Brenn (Norland government) on 2024-10-03 saying agreed.',
      '      "The lease is done and signed, Transport Minister Aldo Brenn said on Thursday." — Aldo Brenn, 2024-10-03',
      '      "No agreement was ever reached on the lease, Veloria spokeswoman Ines Varga said on Saturday." — Ines Varga, 2024-10-05',
    ]);
    // Only the event with the conflict has a conflicts block.
    expect(lines.filter((l) => l === '  conflicts:')).toHaveLength(1);
  });

  it('ends with the count of unplaced statements', () => {
    expect(out.trimEnd().split('\n').at(-1)).toBe('Unplaced statements: 1');
  });

  it('slices evidence from the document text, not from a copy', () => {
    const view = buildView(docs, ledger);
    for (const e of view.events) for (const r of e.claims) expect(docs.some((d) => d.text.includes(r.evidence))).toBe(true);
  });

  it('wraps long lines at the width with an indent, keeping every word', () => {
    const wrapped = renderText(docs, ledger, { width: 80 });
    const long = wrapped.split('\n').filter((l) => l.length > 80);
    expect(long).toEqual([]);
    expect(wrapped.replace(/\s+/g, ' ')).toBe(out.replace(/\s+/g, ' '));
  });

  it('renders an empty ledger', () => {
    const empty = renderText([], { entities: [], entityOf: new Map(), events: [], claims: [], conflicts: [] });
    expect(empty).toBe('walkback report: 0 documents, 0 events, 0 claims, 0 conflicts\n\nNo events.\n\nUnplaced statements: 0\n');
  });

  it('is registered as the text format', () => {
    expect(formats.text!(docs, ledger)).toBe(renderText(docs, ledger));
  });
});

describe('wrap', () => {
  it.each([
    ['short line', 20, ['short line']],
    ['one two three four five', 10, ['one two', '  three', '  four', '  five']],
    ['unbreakablewordthatislong tail', 10, ['unbreakablewordthatislong', '  tail']],
    ['no wrap when width is zero', 0, ['no wrap when width is zero']],
  ])('%s at %d', (line, width, expected) => {
    expect(wrap(line, width, '  ')).toEqual(expected);
  });
});

describe('claimLine', () => {
  it('marks copies of a wire story', () => {
    const row = buildView(docs, ledger).events[0]!.claims[0]!;
    expect(claimLine({ ...row, copyOf: 'd9:c1' })).toMatch(/ \[copy\]$/);
  });
});
