import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { storeFor, dbOption, isPostgresUrl, postgresStoreFor } from './store-option.js';
import type { CommandContext } from '../main.js';
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
        await withOutput(flags.output, io.out, (write) => store.writeExport(write));
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

/** Characters gathered before a write to the file: writers hand over many small pieces (a report's table rows). */
const WRITE_CHUNK = 1 << 16;

/** Hand `body` a writer to the file named (created or emptied first) or, without one, to `out`. */
export async function withOutput(file: string | undefined, out: (s: string) => void, body: (write: (s: string) => void) => void | Promise<void>): Promise<void> {
  if (!file) return body(out);
  const fd = openSync(file, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  try {
    await body((s) => {
      pending.push(s);
      size += s.length;
      if (size >= WRITE_CHUNK) flush();
    });
    flush();
  } finally {
    closeSync(fd);
  }
}
