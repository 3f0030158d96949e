import type { Command } from 'commander';
import { portFor, dbOption, isPostgresUrl, publicName } from './store-option.js';
import { printQueueStatus, queueStatus } from './worker.js';
import type { CommandContext } from '../main.js';
import { printable } from '../../core/message.js';
import { openDocumentStore } from '../../store/open.js';

export function registerStatus(program: Command, { io }: CommandContext): void {
  program
    .command('status')
    .description("the watched sources (last poll, failures), the items seen, the alerts and the webhook outbox; on PostgreSQL, the analysis queue too")
    .addOption(dbOption())
    .option('--json', 'print it as JSON')
    .action(async (flags: { db: string; json?: boolean }) => {
      const postgres = isPostgresUrl(flags.db);
      // On PostgreSQL a ledger older than its documents is the workers' to rebuild, not this look's.
      const store = postgres ? await openDocumentStore(flags.db) : await portFor(flags.db, true, io.err, 'read');
      try {
        // A store never watched has nothing to show; a read-only one is not given tables.
        const state = await store.watchState(false);
        const sources = (await state?.sources()) ?? [];
        const items = (await state?.itemCounts()) ?? { pending: 0, done: 0, skipped: 0, failed: 0 };
        const alerts = (await state?.alertCount()) ?? 0;
        const outbox = (await state?.outboxSize()) ?? 0;
        const queue = postgres ? await queueStatus(store) : undefined;
        const name = printable(postgres ? publicName(flags.db) : flags.db);
        if (flags.json) {
          io.out(JSON.stringify({ sources, items, alerts, outbox, ...(queue ? { queue } : {}) }) + '\n');
          return;
        }
        if (!sources.length) io.out(`${name}: no source watched yet (walkback watch SOURCE... --db ${name})\n`);
        for (const s of sources) {
          const health = s.failures ? `FAILING (${s.failures} in a row, ${s.total_failures} in all): ${s.last_error ?? ''}` : `ok (${s.total_failures} failure(s) in all)`;
          io.out(`${printable(s.url)}${s.name ? ` (${printable(s.name)})` : ''}\n  last poll ${s.last_poll ?? 'never'} · last success ${s.last_ok ?? 'never'} · ${printable(health)}\n`);
        }
        io.out(`items: ${items.done} analysed · ${items.pending} pending · ${items.skipped} not matching · ${items.failed} failed\n`);
        io.out(`alerts: ${alerts} · outbox: ${outbox} waiting for delivery\n`);
        if (queue) printQueueStatus(queue, name, io.out);
      } finally {
        await store.close();
      }
    });
}
