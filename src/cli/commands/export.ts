import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { storeFor, dbOption, isPostgresUrl, postgresStoreFor } from './store-option.js';
import type { CommandContext } from '../main.js';
import { writeExportJson } from '../../report/export-json.js';

export function registerExport(program: Command, { io }: CommandContext): void {
  program
    .command('export')
    .description('write the stored ledger as walkback.export/v1 JSON')
    .addOption(dbOption())
    .option('--format <name>', 'export format', 'json')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (flags: { db: string; format: string; output?: string }) => {
      if (flags.format !== 'json') throw new Error(`--format ${flags.format}: unknown export format (json)`);
      if (isPostgresUrl(flags.db)) {
        const pgStore = await postgresStoreFor(flags.db, io.err);
        try {
          // Read in one snapshot, then written out.
          let text = '';
          await pgStore.writeExport((s) => (text += s));
          withOutput(flags.output, io.out, (write) => write(text));
        } finally {
          await pgStore.close();
        }
        return;
      }
      const store = storeFor(flags.db, true, io.err, 'read');
      try {
        // Written as it is read, a page of rows at a time: memory does not grow with the store.
        withOutput(flags.output, io.out, (write) => store.reading(() => writeExportJson(store.exportRows(), write)));
      } finally {
        store.close();
      }
    });
}

/** Hand `body` a writer to the file named (created or emptied first) or, without one, to `out`. */
export function withOutput(file: string | undefined, out: (s: string) => void, body: (write: (s: string) => void) => void): void {
  if (!file) return body(out);
  const fd = openSync(file, 'w');
  try {
    body((s) => writeSync(fd, s));
  } finally {
    closeSync(fd);
  }
}
