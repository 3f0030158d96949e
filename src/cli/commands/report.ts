import type { Command } from 'commander';
import { storeFor } from './store-option.js';
import type { CommandContext } from '../main.js';
import { buildLedger } from '../../pipeline.js';
import { formats } from '../../report/formats/index.js';
import { withOutput } from './export.js';
import type { Doc } from '../../core/types.js';
import type { Store } from '../../store/store.js';
import { compareDocKeys } from '../../store/ledger-order.js';

export function registerReport(program: Command, { io }: CommandContext): void {
  program
    .command('report')
    .description('print each event with its status timeline and its conflicts')
    .option('--db <file>', 'the store (SQLite file)', 'walkback.db')
    .option('--format <name>', `report format (${Object.keys(formats).join('|')})`, 'text')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((flags: { db: string; format: string; output?: string }) => {
      const render = formats[flags.format];
      if (!render) throw new Error(`--format ${flags.format}: unknown report format (${Object.keys(formats).join('|')})`);
      const store = storeFor(flags.db, true, io.err, 'read');
      try {
        const docs = reportDocs(store);
        const text = render(docs, buildLedger(docs));
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
