/**
 * `walkback correct ...`: an editor's corrections to the stored ledger (src/corrections/),
 * one subcommand per kind, plus `list` and `undo`. Each prints the correction as kept (with
 * --json, as JSON); an unknown id or a correction that makes no sense is a one-line error, exit 2.
 */
import type { Command } from 'commander';
import { portFor, dbOption } from './store-option.js';
import type { DocumentStore } from '../../store/port.js';
import type { CommandContext } from '../main.js';
import { addCorrection, undoCorrection } from '../../corrections/correct.js';
import { describeCorrection } from '../../corrections/describe.js';
import { whoFrom } from '../../corrections/who.js';
import type { Correction, CorrectionInput } from '../../corrections/kinds.js';
import { printable } from '../../core/message.js';
import { EXIT } from '../main.js';

interface Flags {
  db: string;
  by?: string;
  json?: boolean;
}

/** A subcommand that makes one correction from its arguments. */
type Maker = (args: string[], opts: Record<string, unknown>) => CorrectionInput;

const MAKERS: Array<{ usage: string; what: string; make: Maker; options?: Array<[string, string]> }> = [
  { usage: 'merge-events <event> <others...>', what: 'fold the other events into the first', make: ([target, others]) => ({ kind: 'merge-events', target: target!, others: others as unknown as string[] }) },
  {
    usage: 'split-event <event>',
    what: 'move some claims of an event to a new event of their own',
    options: [
      ['--claims <ids...>', 'the claims to move (required)'],
      ['--label <text>', "the new event's label (default: the old one's)"],
    ],
    make: ([target], o) => ({ kind: 'split-event', target: target!, claims: (o.claims as string[] | undefined) ?? [], ...(o.label ? { label: o.label as string } : {}) }),
  },
  { usage: 'merge-entities <entity> <others...>', what: 'fold the other entities into the first (their names become aliases)', make: ([target, others]) => ({ kind: 'merge-entities', target: target!, others: others as unknown as string[] }) },
  { usage: 'alias <entity> <name>', what: 'add another name of an entity', make: ([target, alias]) => ({ kind: 'alias', target: target!, alias: alias! }) },
  { usage: 'reject <id>', what: 'take a wrong claim or conflict out of the ledger', make: ([target]) => ({ kind: 'reject', target: target! }) },
  { usage: 'confirm <id>', what: 'mark a claim or conflict as checked', make: ([target]) => ({ kind: 'confirm', target: target! }) },
  { usage: 'set-status <claim> <status>', what: "set a claim's status", make: ([target, status]) => ({ kind: 'set-status', target: target!, status: status as never }) },
  { usage: 'set-source <claim> <entity>', what: 'set who made a claim ("none": no known source)', make: ([target, source]) => ({ kind: 'set-source', target: target!, source: source === 'none' ? null : source! }) },
  { usage: 'note <id> <text>', what: 'add a note to an event, entity, claim or conflict', make: ([target, text]) => ({ kind: 'note', target: target!, text: text! }) },
];

function show(io: CommandContext['io'], flags: Flags, items: Correction[] | Correction): void {
  if (flags.json) io.out(JSON.stringify(items, null, 1) + '\n');
  else if (Array.isArray(items) && !items.length) io.out('no corrections\n');
  else for (const c of Array.isArray(items) ? items : [items]) io.out(`${printable(describeCorrection(c))}\n`);
}

const withStore = async <T>(flags: Flags, io: CommandContext['io'], mustExist: boolean, use: (s: DocumentStore) => Promise<T>, access: 'read' | 'write' = 'write'): Promise<T> => {
  const store = await portFor(flags.db, mustExist, io.err, access);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
};

export function registerCorrect(program: Command, { io, setCode }: CommandContext): void {
  const correct = program.command('correct').description("an editor's corrections to the ledger, kept with who and when and applied after every analysis");
  const common = (c: Command): Command =>
    c
      .addOption(dbOption())
      .option('--by <name>', 'who makes the correction (default: WALKBACK_USER, else the OS user)')
      .option('--json', 'print the correction as JSON');
  for (const m of MAKERS) {
    const sub = common(correct.command(m.usage).description(m.what));
    for (const [flag, help] of m.options ?? []) sub.option(flag, help);
    sub.action(async (...args: unknown[]) => {
      // commander passes the arguments, then the options, then the command.
      const positional = args.slice(0, -2) as string[];
      const flags = args[args.length - 2] as Flags & Record<string, unknown>;
      const c = await withStore(flags, io, true, (store) => addCorrection(store, m.make(positional, flags), whoFrom(flags.by)));
      show(io, flags, c);
      // Made, but it does not apply (its items changed while it was being made): say so in the exit code.
      if (c.state === 'orphaned') setCode(EXIT.someFailed);
    });
  }
  common(correct.command('list').description('every correction, with who made it, when, and whether it still applies'))
    .option('--orphaned', 'only the corrections that no longer apply')
    .action(async (flags: Flags & { orphaned?: boolean }) => {
      const all = await withStore(flags, io, true, (store) => store.corrections.list(), 'read');
      show(io, flags, flags.orphaned ? all.filter((c) => c.state === 'orphaned') : all);
    });
  common(correct.command('undo <correction>').description('undo a correction (it stays in the list, marked undone by whom and when)')).action(async (id: string, flags: Flags) => {
    show(io, flags, await withStore(flags, io, true, (store) => undoCorrection(store, id, whoFrom(flags.by))));
  });
}
