import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { findTimexes } from '../../time/index.js';

export function registerDates(program: Command, { io }: CommandContext): void {
  program
    .command('dates')
    .description('print every time expression in a text, one JSON object a line: {start, end, text, type, value}')
    .argument('[file]', 'a text file, or - for stdin', '-')
    .option('--published <date>', 'the reference (publication) date, YYYY-MM-DD')
    .action((file: string, flags: { published?: string }) => {
      if (flags.published && !/^\d{4}-\d{2}-\d{2}$/.test(flags.published)) throw new Error(`--published ${flags.published}: expected YYYY-MM-DD`);
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (err) {
        throw new Error(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      for (const t of findTimexes(text, flags.published ?? null)) {
        io.out(JSON.stringify({ start: t.span.start, end: t.span.end, text: text.slice(t.span.start, t.span.end), type: t.type, value: t.value }) + '\n');
      }
    });
}
