/**
 * A very long plain text is read as parts cut at paragraph breaks: verbatim slices that add up
 * to the input, each analysed as the same bytes would be as a file of their own.
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { partRanges, SPLIT_BYTES, PART_BYTES } from '../../src/ingest/split.js';
import { cli, tempDir } from '../helpers/cli.js';

/** Invented dispatches, one paragraph each, until the text has `bytes` bytes. */
function dispatches(bytes: number): string {
  const ports = ['Lisk', 'Morrow Bay', 'Tallin Reach', 'Ostby', 'Quarry Point'];
  const out: string[] = [];
  for (let i = 0; out.join('\n\n').length < bytes; i++) {
    const port = ports[i % ports.length]!;
    out.push(`Dockworkers in ${port} voted on Friday to end a strike over night shifts, union leader Per Holm ${i} said. "The deal is done," he told the local radio, while the port authority said the agreement still had to be signed.`);
  }
  return out.join('\n\n') + '\n';
}

describe('long plain texts in parts', () => {
  it('leaves an article-sized text whole', () => {
    expect(partRanges(Buffer.from(dispatches(50_000)))).toBeNull();
  });

  it('cuts a long text at blank lines into parts that add up to it', () => {
    const bytes = Buffer.from(dispatches(SPLIT_BYTES * 3));
    const parts = partRanges(bytes)!;
    expect(parts.length).toBeGreaterThan(3);
    expect(Buffer.concat(parts.map(([a, b]) => bytes.subarray(a, b))).equals(bytes)).toBe(true);
    for (const [a, b] of parts.slice(0, -1)) {
      expect(b - a).toBeLessThan(PART_BYTES * 2);
      expect(bytes.subarray(b - 2, b).toString()).toBe('\n\n');
    }
  });

  it('gives the statements and claims of the same parts analysed as separate files', async () => {
    const text = dispatches(SPLIT_BYTES + 100_000);
    const dir = tempDir();
    writeFileSync(join(dir, 'long.txt'), text);
    const bytes = Buffer.from(text);
    mkdirSync(join(dir, 'parts'));
    partRanges(bytes)!.forEach(([a, b], i) => writeFileSync(join(dir, 'parts', `p${String(i).padStart(3, '0')}.txt`), bytes.subarray(a, b)));
    const exportOf = async (path: string): Promise<{ documents: Array<{ id: string; source: string; text: string }>; statements: unknown[]; claims: unknown[] }> => {
      const db = join(dir, `${path.replace(/\W/g, '')}.db`);
      expect((await cli('analyze', join(dir, path), '--db', db)).code).toBe(0);
      return JSON.parse((await cli('export', '--db', db, '--format', 'json')).out);
    };
    const whole = await exportOf('long.txt');
    const apart = await exportOf('parts');
    expect(whole.documents.map((d) => d.source)).toEqual(whole.documents.map((_, i) => `long.txt#part${i + 1}`));
    expect(whole.documents.map((d) => [d.id, d.text])).toEqual(apart.documents.map((d) => [d.id, d.text]));
    expect(whole.statements.length).toBeGreaterThan(100);
    expect(whole.statements).toEqual(apart.statements);
    expect(whole.claims).toEqual(apart.claims);
  });
});
