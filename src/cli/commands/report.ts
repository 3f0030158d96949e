import type { Command } from 'commander';
import { dbOption } from './store-option.js';
import type { CommandContext } from '../main.js';
import { formats } from '../../report/formats/index.js';
import { readStoreFor, withOutput } from './export.js';
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
    .action(async (flags: { db: string; format: string; output?: string; table?: string; bom?: boolean }) => {
      const render = formats[flags.format];
      if (!render) throw new Error(`--format ${flags.format}: unknown report format (${Object.keys(formats).join('|')})`);
      const table = flags.table;
      if (table !== undefined && table !== 'all' && !(CSV_TABLES as readonly string[]).includes(table)) throw new Error(`--table ${table}: unknown table (${CSV_TABLES.join('|')}|all)`);
      const store = await readStoreFor(flags.db, io.err);
      try {
        // The stored ledger, read from one snapshot a few events at a time and written as it is read.
        await withOutput(flags.output, io, (write) => store.readSnapshot((reads) => render(reads, write, { table: table as CsvTable | undefined, bom: flags.bom })));
      } finally {
        await store.close();
      }
    });
}
