/**
 * Corrections last: made on the ledger of five of the invented articles, they still hold
 * after the other articles arrive (event ids change; the corrections follow their claims), and
 * one whose items are gone is kept and reported orphaned, not dropped.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { addCorrection, undoCorrection } from '../../src/corrections/correct.js';
import { analyzeIntoStore } from '../../src/run.js';
import { analysedStore, examples, firstArticles, port } from './stores.js';
import { tempDir } from '../helpers/tmp.js';

type Marked = { correctionIds?: string[]; notes?: string[]; corrected?: boolean };

let copy: () => SqliteStore;
let early: WalkbackExport;
let store: SqliteStore;

beforeAll(async () => {
  ({ copy } = await analysedStore([firstArticles(tempDir(), 5)]));
  const s = copy();
  early = s.loadExport();
  s.close();
}, 120_000);

afterEach(() => store?.close());

const claimsOf = (exp: WalkbackExport, ev: string) => exp.claims.filter((c) => c.event === ev);

describe('corrections that last', () => {
  it('survive a re-analysis with new documents, following their events when the ids move', async () => {
    store = copy();
    // The busiest events of the early ledger: a note on one, two merged, a claim's status set.
    const events = [...early.events].sort((a, b) => claimsOf(early, b.id).length - claimsOf(early, a.id).length);
    const [noted, keep, fold] = events;
    const claim = claimsOf(early, keep!.id)[0]!;
    const conflict = early.conflicts[0]!;
    await addCorrection(port(store), { kind: 'note', target: noted!.id, text: 'Checked with the Lind bureau' }, 'Lind');
    await addCorrection(port(store), { kind: 'merge-events', target: keep!.id, others: [fold!.id] }, 'Lind');
    await addCorrection(port(store), { kind: 'set-status', target: claim.id, status: 'unlikely' }, 'Lind');
    await addCorrection(port(store), { kind: 'confirm', target: conflict.id }, 'Lind');
    const notedClaims = claimsOf(early, noted!.id).map((c) => c.id);
    const mergedClaims = [...claimsOf(early, keep!.id), ...claimsOf(early, fold!.id)].map((c) => c.id);

    const run = await analyzeIntoStore(store, [examples]);
    expect(run.added).toBe(3);
    const exp = store.loadExport();
    const list = store.corrections.list();
    expect(list.map((c) => c.state)).toEqual(['applied', 'applied', 'applied', 'applied']);

    // The note is on the event that now holds the noted claims, whatever its id.
    const eventOf = new Map(exp.claims.map((c) => [c.id, c.event]));
    const notedNow = exp.events.find((e) => e.id === eventOf.get(notedClaims[0]!)) as Marked & { id: string };
    expect(notedNow.notes).toEqual(['Checked with the Lind bureau']);
    if (notedNow.id !== noted!.id) expect(list[0]!.resolved).toEqual({ [noted!.id]: notedNow.id });
    // The merged claims are still in one event, the one the merge now applies to.
    const mergedNow = new Set(mergedClaims.map((id) => eventOf.get(id)));
    expect(mergedNow.size).toBe(1);
    const into = [...mergedNow][0]!;
    expect(into === keep!.id ? {} : list[1]!.resolved).toEqual(into === keep!.id ? {} : { [keep!.id]: into });
    // The new articles moved some event ids: this run shows corrections following them.
    expect(list.some((c) => Object.keys(c.resolved).length > 0)).toBe(true);
    expect(exp.claims.find((c) => c.id === claim.id)).toMatchObject({ status: 'unlikely', corrected: true });
    expect(exp.conflicts.filter((k) => (k as Marked).correctionIds?.includes('x4'))).toHaveLength(1);

    // Analysing the same articles again changes nothing.
    await analyzeIntoStore(store, [examples]);
    expect(store.loadExport()).toEqual(exp);
  }, 120_000);

  it('keeps a correction whose item is gone, reported orphaned', async () => {
    store = copy();
    const ev = [...early.events].sort((a, b) => claimsOf(early, b.id).length - claimsOf(early, a.id).length)[0]!;
    const claim = claimsOf(early, ev.id)[0]!.id;
    // Split one claim out, reject it, note the new (now empty) event; then undo the split.
    await addCorrection(port(store), { kind: 'split-event', target: ev.id, claims: [claim] }, 'Lind');
    await addCorrection(port(store), { kind: 'reject', target: claim }, 'Lind');
    await addCorrection(port(store), { kind: 'note', target: 'ev-x1', text: 'A separate visit' }, 'Ardent');
    const undone = await undoCorrection(port(store), 'x1', 'Ardent', '2026-02-03T04:05:06.000Z');
    expect(undone).toMatchObject({ state: 'undone', undone: { by: 'Ardent', at: '2026-02-03T04:05:06.000Z' }, by: 'Lind' });
    const list = store.corrections.list();
    expect(list.map((c) => [c.id, c.state])).toEqual([
      ['x1', 'undone'],
      ['x2', 'applied'],
      ['x3', 'orphaned'],
    ]);
    expect(list[2]!.detail).toBe('ev-x1 is no longer in the ledger');
    const exp = store.loadExport();
    expect(exp.events.find((e) => e.id === 'ev-x1')).toBeUndefined();
    expect(exp.claims.find((c) => c.id === claim)).toBeUndefined();
    await expect(undoCorrection(port(store), 'x1', 'Ardent')).rejects.toThrow(/x1: already undone by Ardent/);
    await expect(undoCorrection(port(store), 'x9', 'Ardent')).rejects.toThrow(/x9: no such correction/);
  });

  it('are kept apart from the ledger: a store opened again has them, with who and when', async () => {
    store = copy();
    const file = store.file;
    await addCorrection(port(store), { kind: 'note', target: early.events[0]!.id, text: 'Norland angle' }, 'Lind', '2026-03-04T05:06:07.000Z');
    store.close();
    store = new SqliteStore(file);
    expect(store.corrections.list()).toMatchObject([{ id: 'x1', by: 'Lind', at: '2026-03-04T05:06:07.000Z', input: { kind: 'note', text: 'Norland angle' } }]);
  });
});
