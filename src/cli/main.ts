/**
 * The walkback CLI on commander. `run(argv)` returns the exit code so the CLI is testable as a
 * function; bin/walkback.js only calls it. Exit codes: 0 every input analysed, 1 some inputs
 * rejected (the rest analysed), 2 fatal (bad flags, unusable store or file).
 */
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerExport } from './commands/export.js';
import { registerReport } from './commands/report.js';
import { registerDates } from './commands/dates.js';
import { registerServe } from './commands/serve.js';
import { registerWatch } from './commands/watch.js';
import { registerStatus } from './commands/status.js';
import { registerRebuild } from './commands/rebuild.js';
import { registerCorrect } from './commands/correct.js';
import { registerWorker } from './commands/worker.js';
import { formatLexiconWarning, onLexiconWarning, useLexiconFiles } from '../core/lexicon.js';
import { PIPELINE_VERSION } from '../version.js';
import { printable } from '../core/message.js';
import { endOnClosedPipe } from './sync-output.js';

export const EXIT = { ok: 0, someFailed: 1, fatal: 2 } as const;

export interface Io {
  out: (s: string) => void;
  /** The file descriptor `out` writes to, when it is one: a report or export is written to it synchronously (sync-output.ts). */
  fd?: number;
  err: (s: string) => void;
  isTTY: boolean;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  fd: 1,
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/**
 * A reader that closes the pipe early (`walkback report | head`) ends the run quietly, as a Unix
 * filter does, instead of with a stack trace of the write that found the pipe closed.
 */
let pipeWatched = false;
function endQuietlyOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    endOnClosedPipe();
  });
}

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) endQuietlyOnClosedPipe();
  let code: number = EXIT.ok;
  const setCode = (c: number): void => {
    code = Math.max(code, c);
  };
  const program = new Command()
    .name('walkback')
    .description('A sourced ledger of an evolving news story: statements, events, status over time, conflicts.')
    .version(PIPELINE_VERSION)
    // Repeatable rather than variadic: `--lexicon my.yml analyze ...` must not read 'analyze' as a file.
    .option('--lexicon <file>', 'an extra lexicon file (YAML: lexicon name -> entries); repeat for more', (f: string, all: string[]) => [...all, f], [] as string[])
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .hook('preAction', (cmd) => {
      // Always set, so that one in-process run's files do not carry over to the next.
      useLexiconFiles((cmd.opts().lexicon as string[] | undefined) ?? []);
    });
  const ctx = { io, setCode };
  registerAnalyze(program, ctx);
  registerRebuild(program, ctx);
  registerExport(program, ctx);
  registerReport(program, ctx);
  registerDates(program, ctx);
  registerServe(program, ctx);
  registerWatch(program, ctx);
  registerStatus(program, ctx);
  registerCorrect(program, ctx);
  registerWorker(program, ctx);
  // A lexicon warning (a user entry taking a built-in form) goes to this run's stderr, as input errors do.
  const prevSink = onLexiconWarning((m) => io.err(`${printable(formatLexiconWarning(m))}\n`));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? code : EXIT.fatal;
    }
    io.err(`walkback: ${printable((err as Error).message)}\n`);
    return EXIT.fatal;
  } finally {
    onLexiconWarning(prevSink);
  }
  return code;
}

export interface CommandContext {
  io: Io;
  setCode: (code: number) => void;
}
