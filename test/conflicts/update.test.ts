/**
 * Conflicts after an update: an event whose rows did not change keeps its stored conflicts
 * (they are not found again), and one whose claims or named entities changed has them found
 * again, so that the result is always what finding them all would give.
 */
import { describe, expect, it } from 'vitest';
import { updatedConflicts, type StoredLedger } from '../../src/conflicts/update.js';
import { exportLedger } from '../../src/report/export.js';
import { rowDigest } from '../../src/store/ledger-diff.js';
import { claimRow, entityRow, eventRow, eventDigest, lastDates } from '../../src/store/ledger-rows.js';
import type { Claim, Doc, Entity, Event, Ledger, LedgerClaim, Status } from '../../src/core/types.js';
import type { ConflictRow } from '../../src/core/rows.js';

const doc = { id: 'd1', source: 'd1.txt', text: 'x'.repeat(100), meta: { title: null, published: null, outlet: null, authors: [], language: 'en', url: null } } as unknown as Doc;
const person = (id: string, name: string, side: string | null): Entity => ({ id, name, type: 'person', aliases: [], roles: [], affiliation: side ? [side] : [], side });
const event = (id: string): Event => ({ id, type: 'meeting', participants: ['venn', 'sol'], place: null, time: null, label: `meeting ${id}`, mentions: [], status: null });

function lc(event: string, n: number, source: string, status: Status, date: string): LedgerClaim {
  const claim: Claim = {
    id: `cl${n}`, eventMention: 'em1', statement: null, source, sourceText: source, status, modality: 'asserted',
    evidence: { start: n, end: n + 1, rule: 't' }, cue: null, date: { start: date, end: date, granularity: 'day', timex: date, implied: false }, rule: 't',
  };
  return { id: `d1:cl${n}`, doc: 'd1', claim, event, source, side: null, copyOf: null };
}

/** The ledger as stored: its digests as the store keeps them, and its conflicts by event. */
function storedOf(ledger: Omit<Ledger, 'conflicts'>, conflicts: ConflictRow[]): StoredLedger {
  const rows = exportLedger([doc], { ...ledger, conflicts: [] });
  const last = lastDates(rows.claims);
  const claimDigests = (event: string) => rows.claims.filter((c) => c.event === event).map((c) => rowDigest(claimRow(c).values()));
  const events = new Map(rows.events.map((v) => [v.id, eventDigest(rowDigest(eventRow(v, last).values()), claimDigests(v.id))]));
  return {
    digests: { entities: new Map(rows.entities.map((e) => [e.id, rowDigest(entityRow(e).values())])), events },
    conflictsOf: (e) => conflicts.filter((k) => k.event === e),
  };
}

const run = (ledger: Omit<Ledger, 'conflicts'>, stored: StoredLedger | null) => updatedConflicts([doc], ledger, exportLedger([doc], { ...ledger, conflicts: [] }), stored);

describe('conflicts after an update', () => {
  const entities = [person('venn', 'Arlo Venn', 'Norland government'), person('sol', 'Mira Sol', 'Ostrava government')];
  const claims = [lc('ev1', 1, 'venn', 'agreed', '2031-03-01'), lc('ev1', 2, 'sol', 'not_agreed', '2031-03-02'), lc('ev2', 3, 'venn', 'planned', '2031-04-01'), lc('ev2', 4, 'venn', 'postponed', '2031-04-06')];
  const before: Omit<Ledger, 'conflicts'> = { entities, entityOf: new Map(), events: [event('ev1'), event('ev2')], claims };
  const all = run(before, null);

  it('finds them all when nothing is stored', () => {
    expect(all.conflicts.map((k) => [k.event, k.kind])).toEqual([
      ['ev1', 'denial'],
      ['ev2', 'reversal'],
    ]);
    expect(all.found).toBe(2);
  });

  it('keeps the stored conflicts of the events that did not change, finding those of the one that did', () => {
    const stored = storedOf(before, all.conflicts);
    expect(run(before, stored)).toEqual({ conflicts: all.conflicts, found: 0 });
    // A later claim on ev2 only: ev1's conflicts are the stored ones.
    const later = { ...before, claims: [...claims, lc('ev2', 5, 'sol', 'cancelled', '2031-04-07')] };
    const update = run(later, stored);
    expect(update.found).toBe(1);
    expect(update.conflicts).toEqual(run(later, null).conflicts);
  });

  it('finds again the conflicts of an event whose source entity changed, though its rows did not', () => {
    // Sol speaks for no side yet: a claim of no side is in no conflict.
    const sideless = { ...before, entities: [entities[0]!, person('sol', 'Mira Sol', null)] };
    const first = run(sideless, null);
    expect(first.conflicts.map((k) => k.event)).toEqual(['ev2']);
    const update = run(before, storedOf(sideless, first.conflicts));
    expect(update.conflicts).toEqual(all.conflicts);
    expect(update.found).toBe(2);
  });
});
