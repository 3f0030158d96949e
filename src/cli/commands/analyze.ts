import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { analyzeIntoStore, type RunOptions } from '../../run.js';
import { analyzeIntoPort } from '../../run-port.js';
import type { enqueue } from '../../queue/queue.js';
import { PgDocumentStore } from '../../store/postgres/store.js';
import { storeFor, dbOption, postgresStoreFor, isPostgresUrl, publicName, DEFAULT_DB } from './store-option.js';
import { positiveInt, wholeNumber } from '../numbers.js';
import { EXIT, type CommandContext } from '../main.js';
import { progressFor } from '../progress.js';
import { printable } from '../../core/message.js';

interface AnalyzeFlags {
  db?: string;
  json?: boolean;
  published?: string;
  include?: string[];
  exclude?: string[];
  maxBytes?: string;
  field?: string[];
  timeout?: string;
  jobs?: string;
  docTimeout?: string;
  queue?: boolean;
}

/** `analyze --queue`: one job per input for the store's workers; bad paths are reported and the rest queued. */
async function queueInputs(db: string, paths: string[], opts: Parameters<typeof enqueue>[2], io: CommandContext['io'], json: boolean, setCode: CommandContext['setCode']): Promise<void> {
  if (!isPostgresUrl(db)) throw new Error(`--queue: workers take jobs from a PostgreSQL store (--db postgres://...), not ${db}`);
  const store = await PgDocumentStore.open(db);
  try {
    let failed = 0;
    const { enqueue } = await import('../../queue/queue.js');
    const { queued, unchanged } = await enqueue(store, paths, opts, (e) => {
      failed++;
      io.err(`${e.format()}\n`);
    });
    if (failed) setCode(EXIT.someFailed);
    if (json) io.out(JSON.stringify({ queued, unchanged, failed }) + '\n');
    else io.out(`queued ${queued} input(s) in ${store.name}${unchanged ? `, ${unchanged} already stored` : ''}${failed ? `, ${failed} failed` : ''}; run walkback worker --db ... to analyse them\n`);
  } finally {
    await store.close();
  }
}

/** `--field body=text --field date=published`: a field name in the input = ours (url, title, text, html, published, outlet, author). */
function fieldMap(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  const map: Record<string, string> = {};
  for (const p of pairs) {
    const m = /^(\w+)=(.+)$/.exec(p);
    if (!m) throw new Error(`--field ${p}: expected NAME=FIELD, e.g. body=text`);
    map[m[1]!] = m[2]!;
  }
  return map;
}

/** Files of other types in the folders read, in one line: how many, of which extensions. */
export function otherFilesLine(files: readonly string[]): string {
  if (!files.length) return '';
  const byExt = new Map<string, number>();
  for (const f of files) {
    const ext = /\.([^./\\]+)$/.exec(f)?.[1]?.toLowerCase() ?? '(none)';
    byExt.set(ext, (byExt.get(ext) ?? 0) + 1);
  }
  const kinds = [...byExt].map(([e, n]) => `${e} ${n}`).join(', ');
  return `skipped ${files.length} file${files.length === 1 ? '' : 's'} of other types in the folders (${kinds}): walkback reads .txt, .md, .html, .json, .jsonl and feeds\n`;
}

/** Documents listed by name in the text summary; the rest are counted (--json lists them all). */
const LISTED = 20;

/** The documents stored but not analysed for their language: a count by language, then each one. */
export function notAnalysedLines(docs: ReadonlyArray<{ source: string; language: string }>): string {
  if (!docs.length) return '';
  const byLanguage = new Map<string, number>();
  for (const d of docs) byLanguage.set(d.language, (byLanguage.get(d.language) ?? 0) + 1);
  const counts = [...byLanguage].map(([l, n]) => `${l} ${n}`).join(', ');
  const lines = [`not analysed (not in English yet): ${docs.length} document${docs.length === 1 ? '' : 's'} (${counts})`];
  for (const d of docs.slice(0, LISTED)) lines.push(`  ${d.language}  ${printable(d.source)}`);
  if (docs.length > LISTED) lines.push(`  ... and ${docs.length - LISTED} more (--json lists them all)`);
  return lines.join('\n') + '\n';
}

export function registerAnalyze(program: Command, { io, setCode }: CommandContext): void {
  program
    .command('analyze')
    .description('read articles (files, folders, URLs, - for stdin), run the pipeline, store the results')
    .argument('<path...>', 'files, folders, http(s) URLs, or - for stdin')
    .addOption(dbOption())
    .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that give none')
    .option('--include <glob...>', 'only files matching these globs (in folders)')
    .option('--exclude <glob...>', 'skip files matching these globs (in folders)')
    .option('--max-bytes <n>', 'reject inputs larger than this many bytes', String(20 * 1024 * 1024))
    .option('--field <name=field...>', 'read an input field as one of ours (JSON, JSON Lines), e.g. body=text')
    .option('--timeout <ms>', 'give up on a URL after this many milliseconds', '20000')
    .option('--jobs <n>', 'worker threads for the per-document stages (default: the cores available; 0: none, in the main thread, with no budget)')
    .option('--doc-timeout <s>', 'stop and reject a document whose analysis takes longer than this many seconds', '10')
    .option('--queue', 'PostgreSQL: queue the inputs for workers (walkback worker) and return')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      if (flags.published && !/^\d{4}-\d{2}-\d{2}$/.test(flags.published)) throw new Error(`--published ${flags.published}: expected YYYY-MM-DD`);
      const maxBytes = positiveInt('--max-bytes', flags.maxBytes);
      const timeoutMs = positiveInt('--timeout', flags.timeout);
      const jobs = flags.jobs === undefined ? availableParallelism() : wholeNumber('--jobs', flags.jobs, 0);
      const docTimeout = Number(flags.docTimeout);
      if (!(docTimeout > 0)) throw new Error(`--doc-timeout ${flags.docTimeout}: expected a number of seconds above 0`);
      const db = flags.db ?? DEFAULT_DB;
      const postgres = isPostgresUrl(db);
      if (flags.queue) return queueInputs(db, paths, { published: flags.published, include: flags.include, exclude: flags.exclude, maxBytes, timeoutMs, fieldMap: fieldMap(flags.field), docTimeoutMs: docTimeout * 1000 }, io, Boolean(flags.json), setCode);
      const store = postgres ? await postgresStoreFor(db, io.err) : storeFor(db, false);
      const shownDb = postgres ? publicName(db) : db;
      const progress = progressFor(paths, io);
      try {
        const runOptions: RunOptions = {
          published: flags.published,
          include: flags.include,
          exclude: flags.exclude,
          maxBytes,
          timeoutMs,
          fieldMap: fieldMap(flags.field),
          jobs,
          docTimeoutMs: docTimeout * 1000,
          onItem: (r) => {
            progress.tick();
            if (r.error) io.err(`${r.error.format()}\n`);
          },
        };
        const summary = 'backend' in store ? await analyzeIntoPort(store, paths, runOptions) : await analyzeIntoStore(store, paths, runOptions);
        progress.stop();
        if (summary.errors.length) setCode(EXIT.someFailed);
        const c = summary.counts;
        if (flags.json) {
          const notAnalysed = summary.notAnalysed.map(({ source, language }) => ({ source, language }));
          io.out(JSON.stringify({ read: summary.read, added: summary.added, unchanged: summary.unchanged, failed: summary.errors.length, otherFiles: summary.otherFiles.length, ...c, notAnalysed }) + '\n');
        } else {
          io.out(
            `analyzed ${summary.read} input(s): ${summary.added} new, ${summary.unchanged} unchanged, ${summary.errors.length} failed\n` +
              otherFilesLine(summary.otherFiles) +
              `store ${printable(shownDb)}: ${c.documents} documents · ${c.statements} statements · ${c.events} events · ${c.claims} claims · ${c.conflicts} conflicts\n` +
              notAnalysedLines(summary.notAnalysed),
          );
        }
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
