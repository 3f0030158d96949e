import type { Command } from 'commander';
import { storeFor, dbOption, isPostgresUrl } from './store-option.js';
import { printQueueStatus } from './worker.js';
import type { CommandContext } from '../main.js';
import { SqliteStore } from '../../store/sqlite.js';
import { printable } from '../../core/message.js';
import { WatchState, hasWatchTables } from '../../watch/state.js';

export function registerStatus(program: Command, { io }: CommandContext): void {
  program
    .command('status')
    .description("the watched sources (last poll, failures), the items seen, the alerts and the webhook outbox; on PostgreSQL, the analysis queue")
    .addOption(dbOption())
    .option('--json', 'print it as JSON')
    .action(async (flags: { db: string; json?: boolean }) => {
      if (isPostgresUrl(flags.db)) return printQueueStatus(flags.db, Boolean(flags.json), io.out);
      const store = storeFor(flags.db, true, io.err, 'read') as SqliteStore;
      try {
        const watched = hasWatchTables(store.db);
        // A store never watched has nothing to show; a read-only one is not given tables.
        const state = watched ? new WatchState(store.db, false) : null;
        const sources = state?.sources() ?? [];
        const items = state?.itemCounts() ?? { pending: 0, done: 0, skipped: 0, failed: 0 };
        const alerts = watched ? (store.db.prepare('SELECT COUNT(*) AS n FROM watch_changes WHERE alert = 1').get() as { n: number }).n : 0;
        const outbox = state?.outboxSize() ?? 0;
        if (flags.json) {
          io.out(JSON.stringify({ sources, items, alerts, outbox }) + '\n');
          return;
        }
        if (!sources.length) io.out(`${printable(flags.db)}: no source watched yet (walkback watch SOURCE... --db ${printable(flags.db)})\n`);
        for (const s of sources) {
          const health = s.failures ? `FAILING (${s.failures} in a row, ${s.total_failures} in all): ${s.last_error ?? ''}` : `ok (${s.total_failures} failure(s) in all)`;
          io.out(`${printable(s.url)}${s.name ? ` (${printable(s.name)})` : ''}\n  last poll ${s.last_poll ?? 'never'} · last success ${s.last_ok ?? 'never'} · ${printable(health)}\n`);
        }
        io.out(`items: ${items.done} analysed · ${items.pending} pending · ${items.skipped} not matching · ${items.failed} failed\n`);
        io.out(`alerts: ${alerts} · outbox: ${outbox} waiting for delivery\n`);
      } finally {
        store.close();
      }
    });
}
