/**
 * Conflicts after an update, found again only where they can have changed. An event's conflicts
 * are a function of its row, its claims' rows in their order, the entities those and its parties
 * name, and its documents' texts, which never change (index.ts reads nothing else). So an event
 * whose row and claims' rows have the digests stored, and which names no entity whose row changed,
 * keeps its stored conflicts; the others' are found again. Conflict ids are hashes of a kind and
 * two claims, made unique over the whole ledger by a suffix: when an id has a suffix or comes
 * twice, every conflict is found again, as a rebuild would.
 */
import type { Conflict, Doc, Ledger } from '../core/types.js';
import type { ConflictRow, SourceFields } from '../core/rows.js';
import type { LedgerExport } from '../report/export.js';
import { docSource, withConflictSources } from '../report/export.js';
import type { LedgerDigests } from '../store/store.js';
import { claimRow, entityRow, eventRow, eventDigest, lastDates, type StoredConflict } from '../store/ledger-rows.js';
import { conflictSteps, findConflicts } from './index.js';

/** The ledger stored before this update: its digests, and an event's conflict rows. */
export interface StoredLedger {
  digests: LedgerDigests;
  /** Where their claims were published may be missing: added here, as for the conflicts found again. */
  conflictsOf: (event: string) => StoredConflict[];
}

/** A suffixed id (`k-…-2`): two conflicts whose kind and claims hash alike. */
const SUFFIXED = /^k-[0-9a-f]+-\d+$/;

/**
 * The conflict rows of `ledger` (whose other rows are `rows`), reusing the stored ones of the
 * events that did not change; every conflict found when nothing was stored. Also returns how
 * many events had theirs found again.
 */
export function updatedConflicts(docs: readonly Doc[], ledger: Omit<Ledger, 'conflicts'>, rows: Omit<LedgerExport, 'conflicts'>, stored: StoredLedger | null): { conflicts: ConflictRow[]; found: number } {
  const changed = stored ? changedEvents(rows, stored.digests) : null;
  const text = new Map(docs.map((d) => [d.id, d.text]));
  const { sources, docOfClaim } = rowContext(docs, ledger);
  const find = (events: Ledger['events'], claims: Ledger['claims']): ConflictRow[] =>
    withConflictSources(findConflicts(events, claims, ledger.entities, (c) => text.get(c.doc)).map(conflictFields), docOfClaim, sources);
  if (!stored || !changed) return { conflicts: find(ledger.events, ledger.claims), found: ledger.events.length };
  const again = find(
    ledger.events.filter((v) => changed.has(v.id)),
    ledger.claims.filter((c) => changed.has(c.event)),
  );
  const byEvent = new Map<string, ConflictRow[]>();
  for (const k of again) {
    const list = byEvent.get(k.event);
    if (list) list.push(k);
    else byEvent.set(k.event, [k]);
  }
  const out: ConflictRow[] = [];
  for (const v of ledger.events) out.push(...(changed.has(v.id) ? byEvent.get(v.id) ?? [] : withConflictSources(stored.conflictsOf(v.id), docOfClaim, sources)));
  const ids = new Set(out.map((k) => k.id));
  if (ids.size !== out.length || out.some((k) => SUFFIXED.test(k.id))) return { conflicts: find(ledger.events, ledger.claims), found: ledger.events.length };
  return { conflicts: out, found: changed.size };
}

/**
 * Every conflict row of `ledger`, found a step at a time (conflictSteps): a store writes the
 * other tables while they are found.
 */
export function* conflictRowSteps(docs: readonly Doc[], ledger: Omit<Ledger, 'conflicts'>): Generator<void, ConflictRow[]> {
  const text = new Map(docs.map((d) => [d.id, d.text]));
  const found = yield* conflictSteps(ledger.events, ledger.claims, ledger.entities, (c) => text.get(c.doc));
  const { sources, docOfClaim } = rowContext(docs, ledger);
  return withConflictSources(found.map(conflictFields), docOfClaim, sources);
}

/** What a conflict row adds to a conflict: where each claim was published. */
function rowContext(docs: readonly Doc[], ledger: Omit<Ledger, 'conflicts'>): { sources: Map<string, SourceFields>; docOfClaim: Map<string, string> } {
  return { sources: new Map(docs.map((d) => [d.id, docSource(d)])), docOfClaim: new Map(ledger.claims.map((lc) => [lc.id, lc.doc])) };
}

const conflictFields = (k: Conflict): Omit<ConflictRow, 'sources'> => ({ id: k.id, kind: k.kind, claims: k.claims, event: k.event, explanation: k.explanation, rule: k.rule });

/** The events whose conflicts may have changed since the digests stored; null when none were stored. */
function changedEvents(rows: Omit<LedgerExport, 'conflicts'>, stored: LedgerDigests): Set<string> | null {
  if (stored.events.size === 0) return null;
  const entities = new Set<string>();
  for (const e of rows.entities) if (stored.entities.get(e.id) !== entityRow(e).digest()) entities.add(e.id);
  const live = new Set(rows.entities.map((e) => e.id));
  for (const id of stored.entities.keys()) if (!live.has(id)) entities.add(id);
  const lastDate = lastDates(rows.claims);
  const claims = new Map<string, string[]>();
  const names = new Map(rows.events.map((v) => [v.id, [...v.participants]]));
  for (const c of rows.claims) {
    const list = claims.get(c.event);
    if (list) list.push(claimRow(c).digest());
    else claims.set(c.event, [claimRow(c).digest()]);
    const named = names.get(c.event)!;
    if (c.source) named.push(c.source);
    if (c.actor) named.push(c.actor);
  }
  const digest = new Map(rows.events.map((v) => [v.id, eventDigest(eventRow(v, lastDate).digest(), claims.get(v.id) ?? [])]));
  const changed = new Set<string>();
  for (const v of rows.events) if (stored.events.get(v.id) !== digest.get(v.id) || names.get(v.id)!.some((id) => entities.has(id))) changed.add(v.id);
  return changed;
}
