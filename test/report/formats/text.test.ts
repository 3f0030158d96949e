import { describe, expect, it } from 'vitest';
import { wrap, claimLine } from '../../../src/report/formats/text.js';
import { formats, renderReport } from '../../../src/report/formats/index.js';
import { buildView } from '../../../src/report/formats/view.js';
import { fixture } from './fixture.js';
import { memoryReads } from '../../../src/report/memory-reads.js';

const { docs, ledger } = fixture();
const out = await renderReport('text', docs, ledger, { width: 0 });
const lines = out.split('\n');
const indexOf = (needle: string): number => {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}\n${out}`);
  return i;
};

describe('renderText', () => {
  it('starts with a summary line', async () => {
    expect(lines[0]).toBe('walkback report: 3 documents, 3 events, 6 claims, 1 conflict');
  });

  it('orders events with claims by most recent activity, and folds those without into one line', async () => {
    const order = ['Port Halden harbor lease (deal)', 'Norland–Veloria leaders call (call)', 'Events no claim speaks of (1): Brenn visit to Port Halden'].map(indexOf);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.each([
    ['Port Halden harbor lease (deal) · status now: not agreed', 'Norland government, Veloria government · in Port Halden'],
    ['Norland–Veloria leaders call (call) · status now: held', 'Veloria government, Norland government'],
  ])('%s: status in plain words, then the participants', (head, participants) => {
    const i = indexOf(head);
    expect(lines[i]).toBe(head);
    expect(lines[i + 1]).toBe(`  ${participants}`);
  });

  it('prints no raw value of the vocabulary', async () => {
    expect(out).not.toMatch(/not_agreed|not_held|walk_back/);
  });

  it('gives one line a dated claim, by statement date (the published date standing in), the undated on one line', async () => {
    const i = indexOf('  2024-10-03  Aldo Brenn');
    expect(lines.slice(i, i + 4)).toEqual([
      '  2024-10-03  Aldo Brenn (Norland government): agreed "The lease is done and signed" [1]',
      '  2024-10-05  Ines Varga (Veloria government): not agreed "No agreement was ever reached" [2]',
      '  2024-10-05  Ines Varga (Veloria government): possible, hedged "Talks could resume next month" [2]',
      '  undated: a harbor official: postponed [3]',
    ]);
  });

  it('shows a coarse date as its TIMEX and the article as source when nobody speaks', async () => {
    expect(lines[indexOf('2024-W39')]).toBe('  2024-W39  Coastal Ledger (the article): planned "the two leaders" [1]');
  });

  it('lists conflicts as episodes: the disputed claim, then each source that disputes it', async () => {
    const i = indexOf('  disputed:');
    expect(lines.slice(i, i + 2)).toEqual([
      '  disputed: Aldo Brenn (Norland government), 2024-10-03: agreed [1]',
      '    denial: Ines Varga (Veloria government), 2024-10-05: not agreed "No agreement was ever reached" [2]',
    ]);
    expect(lines.filter((l) => l.startsWith('  disputed:'))).toHaveLength(1);
  });

  it('lists the sources once, numbered, a local file by its name only', async () => {
    const i = indexOf('Sources');
    expect(lines.slice(i + 1, i + 4)).toEqual([
      '  [1] Coastal Ledger, 2024-10-03: Harbor lease agreed, says Norland minister — 01-coastal.txt',
      '  [2] 2024-10-05: Veloria says no harbor deal was reached — 02-northline.txt',
      '  [3] feed.jsonl:7',
    ]);
    expect(out).not.toContain('examples/');
  });

  it('cites a source by its URL, with its authors, when it has one', async () => {
    const f = fixture();
    f.docs[0]!.meta.url = 'https://coastal.example/lease';
    f.docs[0]!.meta.authors = ['Mara Lind'];
    expect(await renderReport('text', f.docs, f.ledger, { width: 0 })).toContain('  [1] Coastal Ledger, 2024-10-03, by Mara Lind: Harbor lease agreed, says Norland minister — https://coastal.example/lease\n');
  });

  it('folds a copy of a claim into it, as another outlet carrying it', async () => {
    const f = fixture();
    const orig = f.ledger.claims.find((c) => c.id === 'd2:c1')!;
    f.ledger.claims.push({ ...orig, id: 'd3:copy', doc: 'd3', copyOf: 'd2:c1' });
    const text = await renderReport('text', f.docs, f.ledger, { width: 0 });
    expect(text).toContain('not agreed "No agreement was ever reached" [2] (also [3])\n');
    expect(text.match(/No agreement was ever reached/g)).toHaveLength(2);
  });

  it('lists the documents not analysed for their language', async () => {
    const f = fixture();
    f.docs[2]!.meta.language = 'hu';
    expect(await renderReport('text', f.docs, f.ledger, { width: 0 })).toContain('Not analysed (not in English yet): 1 document\n  hu  feed.jsonl:7\n');
  });

  it('ends with the count of unplaced statements', async () => {
    expect(out.trimEnd().split('\n').at(-1)).toBe('Statements placed on no event: 1');
  });

  it('slices evidence from the document text, not from a copy', async () => {
    const view = (await buildView(docs, ledger));
    for (const e of view.events) for (const r of e.claims) expect(docs.some((d) => d.text.includes(r.evidence))).toBe(true);
  });

  it('wraps long lines at the width with an indent, keeping every word', async () => {
    const wrapped = await renderReport('text', docs, ledger, { width: 80 });
    const long = wrapped.split('\n').filter((l) => l.length > 80);
    expect(long).toEqual([]);
    expect(wrapped.replace(/\s+/g, ' ')).toBe(out.replace(/\s+/g, ' '));
  });

  it('renders an empty ledger', async () => {
    const empty = await renderReport('text', [], { entities: [], entityOf: new Map(), events: [], claims: [], conflicts: [] });
    expect(empty).toBe('walkback report: 0 documents, 0 events, 0 claims, 0 conflicts\n\nNo events.\n\nStatements placed on no event: 0\n');
  });

  it('is registered as the text format, and written an event at a time', async () => {
    const parts: string[] = [];
    await formats.text!(memoryReads(docs, ledger), (s) => parts.push(s), { width: 0 });
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toBe(out);
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
  it('marks a copy whose original is not shown, and cuts a long quote at a word', async () => {
    const row = (await buildView(docs, ledger)).events[0]!.claims[0]!;
    expect(claimLine({ ...row, copyOf: 'd9:c1' })).toMatch(/ \(copy\)$/);
    const long = claimLine({ ...row, evidence: 'word '.repeat(40).trim() });
    expect(long).toMatch(/"(word ){17}word…" \[1\]$/);
  });
});
