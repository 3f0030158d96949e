import type { Command } from 'commander';
import { rebuildLedger, type LedgerPhase } from '../../run.js';
import { openStore } from '../../store/sqlite.js';
import type { CommandContext } from '../main.js';
import { dbOption, isPostgresUrl } from './store-option.js';
import { openDocumentStore } from '../../store/open.js';
import { rebuildStoreLedger } from '../../run-port.js';
import { printable } from '../../core/message.js';
import { existsSync } from 'node:fs';

const phaseLabel: Record<LedgerPhase, string> = {
  load: 'reading the stored documents',
  entities: 'entities',
  events: 'events',
  conflicts: 'conflicts',
  save: 'writing the ledger',
};

/**
 * `walkback rebuild`: the ledger built again from every stored document, every copy verdict and
 * conflict found again (analyze, after adding some, finds again only those that can have
 * changed). Ids that the rebuild drops (an event merged or split) get redirects
 * (docs/incremental.md); rebuilding a store whose documents did not change changes nothing.
 */
export function registerRebuild(program: Command, { io }: CommandContext): void {
  program
    .command('rebuild')
    .description('rebuild the ledger (entities, events, claims, conflicts) from every stored document')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .action(async (flags: { db: string; json?: boolean }) => {
      if (isPostgresUrl(flags.db)) {
        const pgStore = await openDocumentStore(flags.db);
        try {
          const t0 = Date.now();
          await rebuildStoreLedger(pgStore);
          const c = await pgStore.counts();
          const seconds = (Date.now() - t0) / 1000;
          if (flags.json) io.out(JSON.stringify({ ...c, seconds }) + '\n');
          else io.out(`rebuilt the ledger of ${pgStore.name} in ${seconds.toFixed(1)} s: ${c.documents} documents · ${c.entities} entities · ${c.events} events · ${c.claims} claims · ${c.conflicts} conflicts\n`);
        } finally {
          await pgStore.close();
        }
        return;
      }
      if (!existsSync(flags.db)) throw new Error(`${flags.db}: no such store (run walkback analyze first, or pass --db)`);
      const store = openStore(flags.db);
      const t0 = Date.now();
      // Progress on a terminal only: one line, rewritten at each phase.
      const phase = io.isTTY ? (p: LedgerPhase) => io.err(`\rrebuild: ${phaseLabel[p]}…\u001b[K`) : undefined;
      try {
        rebuildLedger(store, phase, { full: true });
        if (io.isTTY) io.err('\r\u001b[K');
        const c = store.counts();
        const seconds = (Date.now() - t0) / 1000;
        if (flags.json) io.out(JSON.stringify({ ...c, seconds }) + '\n');
        else io.out(`rebuilt the ledger of ${printable(flags.db)} in ${seconds.toFixed(1)} s: ${c.documents} documents · ${c.entities} entities · ${c.events} events · ${c.claims} claims · ${c.conflicts} conflicts\n`);
      } finally {
        store.close();
      }
    });
}
