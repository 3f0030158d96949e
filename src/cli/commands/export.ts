import { closeSync, openSync } from 'node:fs';
import type { Command } from 'commander';
import { storeFor, dbOption, isPostgresUrl, postgresStoreFor } from './store-option.js';
import type { CommandContext, Io } from '../main.js';
import { endOnClosedPipe, syncWriter } from '../sync-output.js';
import type { DocumentStore } from '../../store/port.js';
import { SqliteDocumentStore } from '../../store/sqlite/port.js';
import type { SqliteStore } from '../../store/sqlite.js';

export function registerExport(program: Command, { io }: CommandContext): void {
  program
    .command('export')
    .description('write the stored ledger as walkback.export/v1 JSON')
    .addOption(dbOption())
    .option('--format <name>', 'export format', 'json')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (flags: { db: string; format: string; output?: string }) => {
      if (flags.format !== 'json') throw new Error(`--format ${flags.format}: unknown export format (json)`);
      const store = await readStoreFor(flags.db, io.err);
      try {
        // Written as it is read, a page of rows at a time, from one snapshot: memory does not grow with the store.
        await withOutput(flags.output, io, (write) => store.writeExport(write));
      } finally {
        await store.close();
      }
    });
}

/** The store a reading command (export, report) opens through the port: a PostgreSQL URL, or a SQLite file it may only read. */
export async function readStoreFor(db: string, err: (line: string) => void): Promise<DocumentStore> {
  if (isPostgresUrl(db)) return postgresStoreFor(db, err);
  return new SqliteDocumentStore(storeFor(db, true, err, 'read') as SqliteStore);
}

/**
 * Hand `body` a writer to the file named (created or emptied first) or, without one, to `io`'s
 * output: synchronously when that is a file descriptor (standard output), so that a large
 * output never waits in memory (sync-output.ts).
 */
export async function withOutput(file: string | undefined, io: Pick<Io, 'out' | 'fd'>, body: (write: (s: string) => void) => void | Promise<void>): Promise<void> {
  if (!file && io.fd === undefined) return body(io.out);
  const fd = file ? openSync(file, 'w') : io.fd!;
  const out = syncWriter(fd);
  try {
    await body(out.write);
    out.flush();
  } catch (err) {
    // A reader that closed the pipe early (`walkback export | head`): the run ends quietly, as a Unix filter does.
    if (!file && (err as NodeJS.ErrnoException).code === 'EPIPE') endOnClosedPipe();
    throw err;
  } finally {
    if (file) closeSync(fd);
  }
}
