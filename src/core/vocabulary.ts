/**
 * The ledger's vocabulary: event types and statuses, declared once in data/lexicons/ledger.yml
 * (LEDGER.md: tracks, firm, stopped, rejecting ...). Every stage, schema and label that names
 * them takes them from here instead of spelling them out again.
 *
 * TypeScript cannot read literal types from YAML, so the built-in ids are also written below as
 * `const` tuples; loading this module checks that the tuples and the file agree, so the two
 * cannot drift (test/core/vocabulary.test.ts checks it too).
 */
import { z } from 'zod';
import { compiledLexicon, loadBuiltinLexicon, loadLexicon, originOf } from './lexicon.js';

export const STATUSES = ['proposed', 'agreed', 'not_agreed', 'planned', 'held', 'not_held', 'postponed', 'cancelled', 'possible', 'unlikely'] as const;
export const EVENT_TYPES = ['meeting', 'call', 'deal', 'ceasefire', 'sanctions', 'visit', 'other'] as const;
export const TRACKS = ['forward', 'against', 'hedge'] as const;
export const CONFLICT_KINDS = ['denial', 'reversal', 'walk_back', 'correction', 'contradiction'] as const;

export type Status = (typeof STATUSES)[number];
export type Track = (typeof TRACKS)[number];
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type BuiltinEventType = (typeof EVENT_TYPES)[number];
/** A built-in type, or one a user lexicon file declares (so any string at run time). */
export type EventType = BuiltinEventType | (string & {});

export const StatusZ = z.enum(STATUSES);

const flag = z.boolean().default(false);
export const StatusDecl = z.strictObject({
  id: StatusZ,
  kind: z.literal('status'),
  label: z.string().min(1),
  track: z.enum(TRACKS),
  firm: flag,
  stopped: flag,
  rejecting: flag,
  fact: flag,
  negative: flag,
  act: flag,
  transitive: flag,
});
export const EventTypeDecl = z.strictObject({
  // Lower case and underscores: the id is stored, exported and used in URLs and CSS classes.
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an event type id is lower case letters, digits and _'),
  kind: z.literal('event-type'),
  label: z.string().min(1),
  scored: flag,
  denial: StatusZ.default('not_agreed'),
});
export const ConflictKindZ = z.enum(CONFLICT_KINDS);
export const ConflictKindDecl = z.strictObject({ id: ConflictKindZ, kind: z.literal('conflict-kind'), label: z.string().min(1) });
export const LedgerEntry = z.discriminatedUnion('kind', [StatusDecl, EventTypeDecl, ConflictKindDecl]);
export type StatusInfo = z.infer<typeof StatusDecl>;
export type ConflictKindInfo = z.infer<typeof ConflictKindDecl>;
export type EventTypeInfo = z.infer<typeof EventTypeDecl>;

/** Throws unless the file declares exactly the ids of `tuple`, each once. */
function agree(what: string, tuple: readonly string[], declared: readonly string[]): void {
  const missing = tuple.filter((id) => !declared.includes(id));
  const extra = declared.filter((id) => !tuple.includes(id));
  const twice = declared.filter((id, i) => declared.indexOf(id) !== i);
  if (missing.length || extra.length || twice.length) {
    throw new Error(`data/lexicons/ledger.yml and src/core/vocabulary.ts disagree on ${what}: ${[missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in the tuple ${extra.join(', ')}` : '', twice.length ? `declared twice ${twice.join(', ')}` : ''].filter(Boolean).join('; ')}`);
  }
}

/** The built-in declaration, read once: statuses are fixed, and the sets below are built from them. */
export function builtinDeclaration(): { statuses: StatusInfo[]; eventTypes: EventTypeInfo[]; conflictKinds: ConflictKindInfo[] } {
  const all = loadBuiltinLexicon('ledger', LedgerEntry);
  const statuses = all.filter((e): e is StatusInfo => e.kind === 'status');
  const eventTypes = all.filter((e): e is EventTypeInfo => e.kind === 'event-type');
  const conflictKinds = all.filter((e): e is ConflictKindInfo => e.kind === 'conflict-kind');
  agree('statuses', STATUSES, statuses.map((s) => s.id));
  agree('event types', EVENT_TYPES, eventTypes.map((t) => t.id));
  agree('conflict kinds', CONFLICT_KINDS, conflictKinds.map((k) => k.id));
  return { statuses, eventTypes, conflictKinds };
}

const builtin = builtinDeclaration();
const statusInfo = new Map(builtin.statuses.map((s) => [s.id, s]));
const conflictKindInfo = new Map<string, ConflictKindInfo>(builtin.conflictKinds.map((k) => [k.id, k]));

/** The statuses with a property, in declaration order. */
const where = (p: (s: StatusInfo) => boolean): ReadonlySet<Status> => new Set(builtin.statuses.filter(p).map((s) => s.id));

export const FORWARD_TRACK = where((s) => s.track === 'forward');
export const AGAINST_TRACK = where((s) => s.track === 'against');
export const HEDGE_TRACK = where((s) => s.track === 'hedge');
export const FIRM = where((s) => s.firm);
export const STOPPED = where((s) => s.stopped);
export const REJECTING = where((s) => s.rejecting);
export const FACT = where((s) => s.fact);
export const NEGATIVE = where((s) => s.negative);
export const ACT = where((s) => s.act);
export const TRANSITIVE = where((s) => s.transitive);
/** A course someone sets (proposed, agreed, planned): the forward track without the fact of it. */
export const FORWARD_COURSE = where((s) => s.track === 'forward' && !s.fact);
/** A course against the event (not agreed, unlikely, on hold, called off): the against track without the fact. */
export const AGAINST_COURSE = where((s) => s.track === 'against' && !s.fact);

export const statusInfoOf = (s: Status): StatusInfo => statusInfo.get(s)!;

/** What readers see for a status ('not agreed'); an id the declaration lacks ('unknown') reads with spaces. */
export function statusLabel(s: string): string {
  return statusInfo.get(s as Status)?.label ?? s.replace(/_/g, ' ');
}

/** What readers see for a conflict kind ('walk-back'); an undeclared id reads with spaces. */
export function conflictKindLabel(k: string): string {
  return conflictKindInfo.get(k)?.label ?? k.replace(/_/g, ' ');
}

/**
 * The event types, built-in and user-declared (a user lexicon file's `ledger` entries of kind
 * event-type). Rebuilt when the user files change. A user file may not add or change a status:
 * the conflict table and the rules reason over each one.
 */
export const eventTypes = compiledLexicon((): ReadonlyMap<string, EventTypeInfo> => {
  const builtinStatus = new Map(builtin.statuses.map((s) => [s.id, JSON.stringify(s)]));
  const out = new Map<string, EventTypeInfo>();
  for (const e of loadLexicon('ledger', LedgerEntry)) {
    if (e.kind === 'status') {
      if (builtinStatus.get(e.id) !== JSON.stringify(e)) throw new Error(`${originOf(e) ?? 'data/lexicons/ledger.yml'}: lexicon ledger: status ${e.id}: statuses are fixed (the conflict table reasons over each); a user file can add event types only`);
      continue;
    }
    if (e.kind === 'conflict-kind') {
      if (JSON.stringify(conflictKindInfo.get(e.id)) !== JSON.stringify(e)) throw new Error(`${originOf(e) ?? 'data/lexicons/ledger.yml'}: lexicon ledger: conflict kind ${e.id}: conflict kinds are fixed (the conflict table makes each); a user file can add event types only`);
      continue;
    }
    if (!REJECTING.has(e.denial)) throw new Error(`${originOf(e) ?? 'data/lexicons/ledger.yml'}: lexicon ledger: event type ${e.id}: denial must be a rejecting status (${[...REJECTING].join(', ')})`);
    out.set(e.id, e);
  }
  return out;
});

/** What readers see for an event type; an undeclared id (an older store's) as it is. */
export function eventTypeLabel(t: string): string {
  return eventTypes().get(t)?.label ?? t;
}

/** The status a plain denial of an event of this type asserts ("no talks": not held; "no deal": not agreed). */
export function denialOf(t: string): Status {
  return eventTypes().get(t)?.denial ?? 'not_agreed';
}
