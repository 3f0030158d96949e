import type { Command } from 'commander';
import { storeFor, dbOption } from './store-option.js';
import type { CommandContext } from '../main.js';
import { buildLedger } from '../../pipeline.js';
import { formats } from '../../report/formats/index.js';
import { withOutput } from './export.js';
import type { Doc } from '../../core/types.js';
import type { Store } from '../../store/store.js';
import { compareDocKeys } from '../../store/ledger-order.js';
import { CSV_TABLES, type CsvTable } from '../../report/formats/csv.js';

export function registerReport(program: Command, { io }: CommandContext): void {
  program
    .command('report')
    .description('print each event with its status timeline and its conflicts')
    .addOption(dbOption())
    .option('--format <name>', `report format (${Object.keys(formats).join('|')})`, 'text')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--table <name>', `csv: only one kind of row (${CSV_TABLES.join('|')}; default all, with a record column)`)
    .option('--bom', 'csv: start with a UTF-8 byte-order mark, for spreadsheets')
    .action((flags: { db: string; format: string; output?: string; table?: string; bom?: boolean }) => {
      const render = formats[flags.format];
      if (!render) throw new Error(`--format ${flags.format}: unknown report format (${Object.keys(formats).join('|')})`);
      const table = flags.table;
      if (table !== undefined && table !== 'all' && !(CSV_TABLES as readonly string[]).includes(table)) throw new Error(`--table ${table}: unknown table (${CSV_TABLES.join('|')}|all)`);
      const store = storeFor(flags.db, true, io.err, 'read');
      try {
        const docs = reportDocs(store);
        const text = render(docs, buildLedger(docs), { table: table as CsvTable | undefined, bom: flags.bom });
        withOutput(flags.output, io.out, (write) => write(text));
      } finally {
        store.close();
      }
    });
}

/**
 * Every stored document, in ledger order, with the layers the ledger and the report formats
 * read: read a page at a time, and the mention and time-expression layers (a third of an
 * analysis, read by neither) dropped as each page is read.
 */
function reportDocs(store: Store): Doc[] {
  const docs: Doc[] = [];
  for (const page of store.docPages()) for (const d of page) docs.push({ ...d, mentions: [], timexes: [], offsetMap: [] });
  return docs.sort(compareDocKeys);
}
