import { describe, it, expect } from 'vitest';
import { renderReport } from '../../../src/report/formats/index.js';
import { csvField, inert, CSV_COLUMNS } from '../../../src/report/formats/csv.js';
import { story } from '../../server/fixture.js';

/** A strict RFC 4180 reader, to check the writer against. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (s[i] === '"' && s[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (s[i] === '"') {
          i++;
          break;
        } else field += s[i++];
      }
    } else while (i < s.length && s[i] !== ',' && s[i] !== '\r') field += s[i++];
    row.push(field);
    if (s[i] === ',') i++;
    else if (s[i] === '\r' && s[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < s.length) throw new Error(`bad CSV at ${i}`);
  }
  return rows;
}

describe('csv report', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('quotes %j as %s', (v, want) => {
    expect(csvField(v)).toBe(want);
  });

  it('writes statements, claims then conflicts, one row each, with CRLF line ends', async () => {
    const { docs, ledger } = story();
    const out = await renderReport('csv', docs, ledger);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const recs = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, r[i]])));
    expect(recs.map((r) => r.record)).toEqual(['statement', 'statement', 'statement', 'claim', 'claim', 'claim', 'claim', 'conflict', 'conflict']);
    expect(recs[1]).toMatchObject({ id: 'doc-b:s1', speaker: 'Dmitri Vale', speaker_id: 'e-vale', date: '2025-03-05', text: 'Nothing has been agreed, and no date is set,' });
    expect(recs[4]).toMatchObject({ id: 'doc-b:c1', status: 'not_agreed', event: 'v-summit', event_label: 'Velmora–Ostrana summit in Tallinor', statement: 'doc-b:s1', text: 'Nothing has been agreed' });
    // Offsets point into the document text.
    const b = docs[1]!;
    expect(b.text.slice(Number(recs[4]!.start), Number(recs[4]!.end))).toBe('Nothing has been agreed');
  });

  it('round-trips text with commas, quotes and line breaks', async () => {
    const { docs, ledger } = story();
    docs[0]!.meta.title = 'Kross: "agreed",\nthen not';
    const rows = parseCsv(await renderReport('csv', docs, ledger));
    expect(rows[1]![3]).toBe('Kross: "agreed",\nthen not');
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  const records = (out: string): Array<Record<string, string>> => parseCsv(out.replace(/^\uFEFF/, '')).slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, r[i]!])));

  it('writes conflicts after claims, with both claims, the answer\'s source and the explanation', async () => {
    const { docs, ledger } = story();
    const conflicts = records(await renderReport('csv', docs, ledger)).filter((r) => r.record === 'conflict');
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]).toMatchObject({ id: 'k1', kind: 'denial', claims: 'doc-a:c1 doc-b:c1', document: 'doc-b', outlet: 'Ostrana Daily', event: 'v-summit', status: 'not_agreed' });
  });

  it('gives every row its outlet, URL and authors, and no folder of a local file', async () => {
    const { docs, ledger } = story();
    docs[0]!.meta.url = 'https://velmora.example/summit';
    docs[0]!.meta.authors = ['Mara Lind', 'Tom Ardent'];
    docs[1]!.source = '/home/desk/stories/doc-b.txt';
    const out = await renderReport('csv', docs, ledger);
    const rows = records(out);
    expect(rows.filter((r) => r.document === 'doc-a').every((r) => r.url === 'https://velmora.example/summit' && r.authors === 'Mara Lind; Tom Ardent')).toBe(true);
    expect(rows.every((r) => r.outlet)).toBe(true);
    expect(out).not.toContain('/home/desk');
  });

  it.each([
    ['statements', ['statement']],
    ['claims', ['claim']],
    ['conflicts', ['conflict']],
  ] as const)('keeps only %s with --table', async (table, kinds) => {
    const { docs, ledger } = story();
    expect([...new Set(records(await renderReport('csv', docs, ledger, { table })).map((r) => r.record))]).toEqual(kinds);
  });

  it.each([
    ['=HYPERLINK("https://evil.example","click")', `'=HYPERLINK("https://evil.example","click")`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2 dead', "'-2 dead"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['plain = text', 'plain = text'],
  ])('makes %j inert', (v, want) => {
    expect(inert(v)).toBe(want);
  });

  it('writes formula-looking evidence as text, and a byte-order mark only when asked', async () => {
    const { docs, ledger } = story();
    docs[0]!.meta.title = '=HYPERLINK("https://evil.example","Kross")';
    const plain = await renderReport('csv', docs, ledger);
    expect(plain.startsWith('record,')).toBe(true);
    expect(records(plain)[0]!.document_title).toBe(`'=HYPERLINK("https://evil.example","Kross")`);
    const bom = await renderReport('csv', docs, ledger, { bom: true });
    expect(bom.startsWith('\uFEFFrecord,')).toBe(true);
    expect(bom.slice(1)).toBe(plain);
  });
});
