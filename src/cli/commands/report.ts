import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { storeFor } from './store-option.js';
import type { CommandContext } from '../main.js';
import { buildLedger } from '../../pipeline.js';
import { formats } from '../../report/formats/index.js';

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
        const docs = store.loadDocs();
        const text = render(docs, buildLedger(docs));
        if (flags.output) writeFileSync(flags.output, text);
        else io.out(text);
      } finally {
        store.close();
      }
    });
}
