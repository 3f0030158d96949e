import type { Command } from 'commander';
import { portFor, dbOption, isPostgresUrl, publicName } from './store-option.js';
import { duration, positiveInt, wholeNumber } from '../numbers.js';
import { EXIT, type CommandContext } from '../main.js';
import { printable } from '../../core/message.js';
import { readSources } from '../../watch/sources.js';
import { Watcher } from '../../watch/watcher.js';
import { sleep } from '../../watch/backoff.js';

interface WatchFlags {
  db: string;
  every: string;
  match?: string[];
  webhook?: string[];
  once?: boolean;
  delay: string;
  timeout: string;
  maxBytes: string;
  jobs: string;
}

export function registerWatch(program: Command, { io, setCode }: CommandContext): void {
  program
    .command('watch')
    .description('poll feeds and pages that list articles, analyse what is new, and alert (one JSON object a line) on new conflicts and status changes')
    .argument('<source...>', 'RSS/Atom feed URLs, URLs of pages that list articles, or files of them (one a line: URL [NAME])')
    .addOption(dbOption())
    .option('--every <duration>', 'time between two polls of a source (90s, 10m, 1h)', '10m')
    .option('--match <words>', 'keep only items whose title, summary or article has one of these words (repeatable)', (w: string, all: string[]) => [...all, w], [] as string[])
    .option('--webhook <url>', 'also POST each alert to this URL (repeatable)', (u: string, all: string[]) => [...all, u], [] as string[])
    .option('--once', 'poll every source once, analyse, alert, and exit (for cron and tests)')
    .option('--delay <duration>', 'least time between two requests to the same host', '2s')
    .option('--timeout <ms>', 'give up on a request after this many milliseconds', '20000')
    .option('--max-bytes <n>', 'refuse a feed, page or article larger than this many bytes', String(20 * 1024 * 1024))
    .option('--jobs <n>', 'worker threads for the analysis (0: in the main thread)', '1')
    .action(async (args: string[], flags: WatchFlags) => {
      const everyMs = duration('--every', flags.every);
      const minDelayMs = duration('--delay', flags.delay, 'zero');
      const timeoutMs = positiveInt('--timeout', flags.timeout);
      const maxBytes = positiveInt('--max-bytes', flags.maxBytes);
      const jobs = wholeNumber('--jobs', flags.jobs, 0);
      for (const w of flags.webhook ?? []) if (!/^https?:\/\//i.test(w)) throw new Error(`--webhook ${w}: expected an http(s) URL`);
      const { sources, errors } = readSources(args);
      for (const e of errors) io.err(`${e.format()}\n`);
      if (errors.length) setCode(EXIT.someFailed);
      if (!sources.length) throw new Error('no source to watch');
      const store = await portFor(flags.db, false, io.err);
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const watcher = await Watcher.open(store, sources, { everyMs, minDelayMs, timeoutMs, maxBytes, jobs, match: flags.match, webhooks: flags.webhook, out: io.out, log: (l) => io.err(`${l}\n`), signal: stop.signal });
        if (!flags.once) io.err(`walkback: watching ${sources.length} source(s) into ${printable(isPostgresUrl(flags.db) ? publicName(flags.db) : flags.db)} every ${flags.every}; Ctrl-C stops\n`);
        if (flags.once) {
          const s = await watcher.poll(true);
          io.err(`walkback watch: polled ${s.polled} source(s) (${s.failedSources} failed), ${s.newItems} new item(s), ${s.analysed} analysed, ${s.alerts} alert(s), ${s.delivered} delivered\n`);
          if (s.failedSources) setCode(EXIT.someFailed);
          return;
        }
        while (!stop.signal.aborted) {
          try {
            await watcher.poll();
          } catch (err) {
            // A poll that failed as a whole (the store locked past the wait, a full disk): said,
            // and tried again at the next poll; what was stored before is intact.
            io.err(`walkback watch: this poll failed: ${printable((err as Error).message)}; trying again at the next one\n`);
          }
          await sleep(Math.max(1000, (await watcher.nextDue()) - Date.now()), stop.signal);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
    });
}
