import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { storeFor } from './store-option.js';
import type { CommandContext } from '../main.js';

export function registerExport(program: Command, { io }: CommandContext): void {
  program
    .command('export')
    .description('write the stored ledger as walkback.export/v1 JSON')
    .option('--db <file>', 'the store (SQLite file)', 'walkback.db')
    .option('--format <name>', 'export format', 'json')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((flags: { db: string; format: string; output?: string }) => {
      if (flags.format !== 'json') throw new Error(`--format ${flags.format}: unknown export format (json)`);
      const store = storeFor(flags.db, true, io.err, 'read');
      try {
        const text = JSON.stringify(store.loadExport(), null, 1) + '\n';
        if (flags.output) writeFileSync(flags.output, text);
        else io.out(text);
      } finally {
        store.close();
      }
    });
}
