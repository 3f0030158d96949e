/**
 * applyCorrections as a pure function over ledger rows: the same rows and corrections give the
 * same ledger, and a merge the machine has since made itself applies with nothing to do.
 */
import { describe, it, expect } from 'vitest';
import { applyCorrections } from '../../src/corrections/apply.js';
import type { Correction } from '../../src/corrections/kinds.js';
import type { LedgerRows } from '../../src/store/store.js';

const span = (start: number) => ({ start, end: start + 10, rule: 'test' });
const claim = (id: string, event: string, start: number) => ({ id, event, document: 'dlind', source: null, sourceText: null, status: 'agreed', modality: 'asserted', text: 'Brix Capital agreed', statement: null, date: null, copyOf: null, span: span(start), rule: 'test', url: null, outlet: null, authors: [], published: null });
const event = (id: string) => ({ id, type: 'deal', participants: [], label: `Brix Capital deal ${id}`, place: 'Norland', time: null, status: 'agreed' });
const anchor = (claimId: string, start: number) => ({ item: 'event' as const, claims: [{ claim: claimId, document: 'dlind', start, end: start + 10 }], names: [] });

/** A merge of ev-b into ev-a, made when each held one claim. */
const merge: Correction = {
  id: 'x1',
  input: { kind: 'merge-events', target: 'ev-a', others: ['ev-b'] },
  anchors: { 'ev-a': anchor('dlind:cl1', 0), 'ev-b': anchor('dlind:cl2', 20) },
  by: 'Lind',
  at: '2026-01-01T00:00:00.000Z',
  undone: null,
  state: 'applied',
  detail: null,
  resolved: {},
};

const ledger = (events: string[], eventOf: [string, string]): LedgerRows => ({
  entities: [],
  events: events.map(event),
  claims: [claim('dlind:cl1', eventOf[0], 0), claim('dlind:cl2', eventOf[1], 20)],
  conflicts: [],
  speakers: [],
});

describe('applyCorrections', () => {
  it('merges, and gives the same ledger from the same rows', () => {
    const rows = ledger(['ev-a', 'ev-b'], ['ev-a', 'ev-b']);
    const once = applyCorrections(rows, [merge]);
    expect(once.ledger.events.map((e) => e.id)).toEqual(['ev-a']);
    expect(once.ledger.claims.map((c) => c.event)).toEqual(['ev-a', 'ev-a']);
    expect(once.outcomes).toEqual([{ id: 'x1', state: 'applied', detail: null, resolved: {} }]);
    expect(applyCorrections(rows, [merge])).toEqual(once);
    // The input rows are not changed.
    expect(rows.events.map((e) => e.id)).toEqual(['ev-a', 'ev-b']);
  });

  it('applies with nothing to do when the machine now puts both claims in one event, under a new id', () => {
    const out = applyCorrections(ledger(['ev-c'], ['ev-c', 'ev-c']), [merge]);
    expect(out.ledger.events.map((e) => e.id)).toEqual(['ev-c']);
    expect(out.outcomes).toEqual([{ id: 'x1', state: 'applied', detail: 'already one with ev-c: ev-b', resolved: { 'ev-a': 'ev-c', 'ev-b': 'ev-c' } }]);
  });

  it('reports a correction whose claims are all gone as orphaned, and skips undone ones', () => {
    const rows: LedgerRows = { entities: [], events: [event('ev-z')], claims: [], conflicts: [], speakers: [] };
    const undone = { ...merge, id: 'x2', undone: { by: 'Ardent', at: '2026-01-02T00:00:00.000Z' } };
    expect(applyCorrections(rows, [merge, undone]).outcomes).toEqual([{ id: 'x1', state: 'orphaned', detail: 'ev-a is no longer in the ledger', resolved: {} }]);
  });
});
