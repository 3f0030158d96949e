/**
 * The export as JSON text written piece by piece, one row at a time, so a large store is
 * never held whole: the bytes are those of `JSON.stringify(exp, null, 1) + '\n'` (a test
 * checks it), written through `write` in chunks of about CHUNK characters.
 */
import type { WalkbackExport } from './export.js';
import { collectIfGrown } from '../core/collect.js';

/** The export with each table as rows to iterate (a store reads them page by page). */
export type ExportRows = { schema: WalkbackExport['schema'] } & { [K in ExportTable]: Iterable<WalkbackExport[K][number]> };

/** The tables of the export, in the order JSON.stringify writes them. */
export const exportTables = ['documents', 'entities', 'statements', 'events', 'claims', 'conflicts'] as const;
export type ExportTable = (typeof exportTables)[number];

const CHUNK = 1 << 20;

/** The same tables as async iterables (a store read through the port, src/store/port.ts), or as ExportRows. */
export type ExportSource = { schema: WalkbackExport['schema'] } & { [K in ExportTable]: Iterable<WalkbackExport[K][number]> | AsyncIterable<WalkbackExport[K][number]> };

export async function writeExportJson(exp: ExportSource, write: (s: string) => void): Promise<void> {
  let buf = `{\n "schema": ${JSON.stringify(exp.schema)}`;
  const put = (s: string): void => {
    buf += s;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
      // Every row made is garbage once written: without a collection now and then V8 lets it pile up (core/collect.ts).
      collectIfGrown();
    }
  };
  for (const table of exportTables) {
    put(`,\n ${JSON.stringify(table)}: [`);
    let first = true;
    for await (const row of exp[table]) {
      // A row at depth 2 of an indent of 1: JSON strings hold no raw line break, so every
      // line break is the layout's and takes the two spaces.
      put(`${first ? '\n  ' : ',\n  '}${JSON.stringify(row, null, 1).replace(/\n/g, '\n  ')}`);
      first = false;
    }
    put(first ? ']' : '\n ]');
  }
  put('\n}\n');
  if (buf) write(buf);
}

/** The whole export in memory (small stores, tests): the same rows, collected. */
export function collectExport(exp: ExportRows): WalkbackExport {
  return {
    schema: exp.schema,
    documents: [...exp.documents],
    entities: [...exp.entities],
    statements: [...exp.statements],
    events: [...exp.events],
    claims: [...exp.claims],
    conflicts: [...exp.conflicts],
  };
}

/** The same, from tables that may be read asynchronously (a store through the port). */
export async function collectExportStream(exp: ExportSource): Promise<WalkbackExport> {
  const all = async <T>(rows: Iterable<T> | AsyncIterable<T>): Promise<T[]> => {
    const out: T[] = [];
    for await (const r of rows) out.push(r);
    return out;
  };
  return { schema: exp.schema, documents: await all(exp.documents), entities: await all(exp.entities), statements: await all(exp.statements), events: await all(exp.events), claims: await all(exp.claims), conflicts: await all(exp.conflicts) };
}
