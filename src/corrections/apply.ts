/**
 * applyCorrections: the editor's corrections over the machine's ledger rows, in the order they
 * were made. Pure: the same rows and corrections give the same ledger, so it runs after every
 * analysis and rebuild. A correction whose items are gone is reported orphaned, never dropped.
 */
import type { LedgerRows, SpeakerRow } from '../store/store.js';
import { LedgerIndex, type ClaimRow, type EventRow } from './find.js';
import type { Correction, CorrectionInput, CorrectionMarks, Item, Outcome } from './kinds.js';
import { ROLES, otherIds } from './kinds.js';

export interface Corrected {
  ledger: LedgerRows & { speakers: SpeakerRow[] };
  outcomes: Outcome[];
}

type Marked = { id: string } & CorrectionMarks;

/** Record on a row that correction `cid` touched it (and how). */
function mark(row: Marked, cid: string, flag: 'corrected' | 'confirmed' | null): void {
  if (!row.correctionIds?.includes(cid)) row.correctionIds = [...(row.correctionIds ?? []), cid];
  if (flag) row[flag] = true;
}

/** A correction's ids found in the ledger: the target's, and the others' that are still there. */
interface Found {
  target: string;
  others: string[];
  missing: string[];
  /** Ids that are now the target itself. */
  already: string[];
  resolved: Record<string, string>;
}

export function applyCorrections(rows: LedgerRows, corrections: readonly Correction[]): Corrected {
  const ix = new LedgerIndex(rows);
  let speakers = [...rows.speakers];
  const outcomes: Outcome[] = [];
  for (const c of corrections) {
    if (c.undone) continue;
    const found = findAll(ix, c);
    if (typeof found === 'string') {
      outcomes.push({ id: c.id, state: 'orphaned', detail: found, resolved: {} });
      continue;
    }
    const why = applyOne(ix, c, found, (f) => (speakers = f(speakers)));
    const detail = [found.missing.length ? `not found: ${found.missing.join(', ')}` : '', found.already.length ? `already one with ${found.target}: ${found.already.join(', ')}` : ''].filter(Boolean).join('; ') || null;
    outcomes.push(why ? { id: c.id, state: 'orphaned', detail: why, resolved: found.resolved } : { id: c.id, state: 'applied', detail, resolved: found.resolved });
  }
  return {
    // Mention rows (which event each mention made, for redirects) stay the machine's.
    ledger: { entities: [...ix.entities.values()], events: [...ix.events.values()], claims: [...ix.claims.values()], conflicts: [...ix.conflicts.values()], speakers, ...(rows.mentions ? { mentions: rows.mentions } : {}) },
    outcomes,
  };
}

/** The correction's items as they are now, or why it no longer applies. */
function findAll(ix: LedgerIndex, c: Correction): Found | string {
  const resolved: Record<string, string> = {};
  const look = (id: string): string | null => {
    const now = ix.find(id, c.anchors[id]);
    if (now && now !== id) resolved[id] = now;
    return now;
  };
  const target = look(c.input.target);
  if (!target) return `${c.input.target} is no longer in the ledger`;
  const others: string[] = [];
  const missing: string[] = [];
  for (const id of otherIds(c.input)) {
    const now = look(id);
    if (now) others.push(now);
    else missing.push(id);
  }
  // A merge or split with nothing left to merge or move, or a source that is gone, does not apply.
  if (otherIds(c.input).length && !others.length) return `${missing.join(', ')} no longer in the ledger`;
  // An item the machine now puts together with the target (two events it clusters as one) needs no merge.
  const already = otherIds(c.input).filter((id) => (resolved[id] ?? id) === target);
  return { target, others: others.filter((o) => o !== target), missing, already, resolved };
}

/** Apply one correction to its found items; a reason when it cannot. */
function applyOne(ix: LedgerIndex, c: Correction, f: Found, setSpeakers: (f: (s: SpeakerRow[]) => SpeakerRow[]) => void): string | null {
  const input: CorrectionInput = c.input;
  const item = (c.anchors[input.target]?.item ?? ROLES[input.kind].target[0]) as Item;
  const target = ix.table(item).get(f.target) as Marked;
  switch (input.kind) {
    case 'merge-events': {
      const into = ix.events.get(f.target)!;
      const gone = new Set(f.others);
      for (const o of gone) into.participants = union(into.participants, ix.events.get(o)!.participants);
      for (const cl of ix.claims.values()) {
        if (!gone.has(cl.event)) continue;
        cl.event = into.id;
        mark(cl, c.id, 'corrected');
      }
      for (const k of ix.conflicts.values()) if (gone.has(k.event)) k.event = into.id;
      for (const o of gone) ix.events.delete(o);
      mark(into, c.id, 'corrected');
      return null;
    }
    case 'split-event': {
      const from = ix.events.get(f.target)!;
      const moving = f.others.filter((id) => ix.claims.get(id)!.event === from.id);
      if (!moving.length) return `none of ${input.claims.join(', ')} is a claim of ${f.target} any more`;
      // Named after the correction, so the new event keeps its id whatever the old one's becomes.
      const id = `ev-${c.id}`;
      const { correctionIds: _ids, corrected: _corrected, confirmed: _confirmed, notes: _notes, ...rest } = from as EventRow & CorrectionMarks;
      const split: EventRow & CorrectionMarks = { ...rest, id, label: input.label ?? from.label };
      ix.events.set(id, split);
      for (const cl of moving) {
        ix.claims.get(cl)!.event = id;
        mark(ix.claims.get(cl)!, c.id, 'corrected');
      }
      // A conflict is between claims of one event: one whose claims are now apart goes.
      for (const k of [...ix.conflicts.values()]) {
        const evs = new Set(k.claims.map((cl) => ix.claims.get(cl)?.event));
        if (k.event === from.id && evs.has(id)) {
          if (evs.size > 1) ix.conflicts.delete(k.id);
          else k.event = id;
        }
      }
      mark(from, c.id, 'corrected');
      mark(split, c.id, 'corrected');
      return null;
    }
    case 'merge-entities': {
      const into = ix.entities.get(f.target)!;
      const gone = new Set(f.others);
      for (const o of gone) {
        const e = ix.entities.get(o)!;
        into.aliases = union(into.aliases, [e.name, ...e.aliases].filter((n) => n !== into.name));
        ix.entities.delete(o);
      }
      const to = (id: string | null | undefined): string | null | undefined => (id && gone.has(id) ? into.id : id);
      for (const ev of ix.events.values()) if (ev.participants.some((p) => gone.has(p))) ev.participants = union([], ev.participants.map((p) => to(p)!));
      for (const cl of ix.claims.values()) {
        cl.source = to(cl.source) ?? null;
        if (cl.actor !== undefined) cl.actor = to(cl.actor) ?? null;
      }
      setSpeakers((all) => all.map((s) => (gone.has(s.entity) ? { ...s, entity: into.id } : s)));
      mark(into, c.id, 'corrected');
      return null;
    }
    case 'alias': {
      const e = ix.entities.get(f.target)!;
      if (e.name !== input.alias) e.aliases = union(e.aliases, [input.alias]);
      mark(e, c.id, 'corrected');
      return null;
    }
    case 'reject': {
      if (item === 'claim') {
        ix.claims.delete(f.target);
        for (const k of [...ix.conflicts.values()]) if (k.claims.includes(f.target)) ix.conflicts.delete(k.id);
      } else ix.conflicts.delete(f.target);
      return null;
    }
    case 'confirm':
      mark(target, c.id, 'confirmed');
      return null;
    case 'set-status':
      (target as ClaimRow & Marked).status = input.status;
      mark(target, c.id, 'corrected');
      return null;
    case 'set-source':
      (target as ClaimRow & Marked).source = input.source === null ? null : f.others[0]!;
      mark(target, c.id, 'corrected');
      return null;
    case 'note':
      target.notes = [...(target.notes ?? []), input.text];
      mark(target, c.id, null);
      return null;
  }
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
