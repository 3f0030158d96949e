import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { writeExportJson, exportTables, type ExportRows } from '../../src/report/export-json.js';
import type { WalkbackExport } from '../../src/report/export.js';

/** Rows of any JSON shape: the writer lays out whatever the tables hold. */
const row = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });

const exportOf = (tables: unknown[][]): WalkbackExport =>
  ({ schema: 'walkback.export/v1', ...Object.fromEntries(exportTables.map((t, i) => [t, tables[i]!])) }) as unknown as WalkbackExport;

/** The rows handed over one at a time, as a store's pages are. */
function streamed(exp: WalkbackExport): ExportRows {
  const lazy = <T>(rows: T[]): Iterable<T> => ({
    *[Symbol.iterator]() {
      for (const r of rows) yield r;
    },
  });
  return { schema: exp.schema, ...Object.fromEntries(exportTables.map((t) => [t, lazy(exp[t] as unknown[])])) } as ExportRows;
}

async function written(exp: WalkbackExport): Promise<{ text: string; chunks: number }> {
  const parts: string[] = [];
  await writeExportJson(streamed(exp), (s) => parts.push(s));
  return { text: parts.join(''), chunks: parts.length };
}

describe('writeExportJson', () => {
  it('writes the bytes of JSON.stringify(export, null, 1) for any rows, empty tables included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { maxLength: 4 }), { minLength: 6, maxLength: 6 }), async (tables) => {
        const exp = exportOf(tables);
        expect((await written(exp)).text).toBe(JSON.stringify(exp, null, 1) + '\n');
      }),
      { numRuns: 200 },
    );
  });

  it('writes a large export in several chunks, not one string', async () => {
    const text = 'Norland harbour board said the ferry would resume.\n'.repeat(200);
    const documents = Array.from({ length: 300 }, (_, i) => ({ id: `d${i}`, source: `d${i}.txt`, text }));
    const exp = exportOf([documents, [], [], [], [], []]);
    const out = await written(exp);
    expect(out.chunks).toBeGreaterThan(2);
    expect(out.text).toBe(JSON.stringify(exp, null, 1) + '\n');
  });
});
