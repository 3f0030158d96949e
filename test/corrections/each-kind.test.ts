/**
 * Each kind of correction on the ledger of the invented articles in examples/: made through
 * addCorrection (what the CLI and the API call), applied at once, marked in the export, and
 * kept with who and when. Ids are looked up in the machine's ledger, never written out.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite.js';
import type { WalkbackExport } from '../../src/report/export.js';
import { addCorrection, CorrectionError } from '../../src/corrections/correct.js';
import { rebuildLedger } from '../../src/run.js';
import { analysedStore, examples, port } from './stores.js';

type Marks = { corrected?: boolean; confirmed?: boolean; correctionIds?: string[]; notes?: string[] };
type Claim = WalkbackExport['claims'][number] & Marks;
type Event = WalkbackExport['events'][number] & Marks;
type Entity = WalkbackExport['entities'][number] & Marks;

let copy: () => SqliteStore;
let store: SqliteStore;
let machine: WalkbackExport;

beforeAll(async () => {
  ({ copy } = await analysedStore([examples]));
  const s = copy();
  machine = s.loadExport();
  s.close();
}, 120_000);

afterEach(() => store?.close());

const fresh = (): SqliteStore => (store = copy());
const claimsOf = (exp: WalkbackExport, ev: string): Claim[] => exp.claims.filter((c) => c.event === ev);
/** Events of the machine's ledger with at least `n` claims, busiest first. */
const busy = (n: number): Event[] => machine.events.filter((e) => claimsOf(machine, e.id).length >= n).sort((a, b) => claimsOf(machine, b.id).length - claimsOf(machine, a.id).length);

describe('each correction kind', () => {
  it('merges events: the claims and conflicts of the others move, the others go', async () => {
    const [a, b] = busy(2);
    const s = fresh();
    const c = await addCorrection(port(s), { kind: 'merge-events', target: a!.id, others: [b!.id] }, 'Lind', '2026-01-02T03:04:05.000Z');
    expect(c).toMatchObject({ id: 'x1', by: 'Lind', at: '2026-01-02T03:04:05.000Z', state: 'applied', undone: null });
    const exp = s.loadExport();
    expect(exp.events.find((e) => e.id === b!.id)).toBeUndefined();
    expect(claimsOf(exp, a!.id).map((x) => x.id).sort()).toEqual([...claimsOf(machine, a!.id), ...claimsOf(machine, b!.id)].map((x) => x.id).sort());
    expect(exp.conflicts.filter((k) => k.event === b!.id)).toEqual([]);
    expect(exp.events.find((e) => e.id === a!.id)).toMatchObject({ corrected: true, correctionIds: ['x1'] });
    expect(exp.events).toHaveLength(machine.events.length - 1);
  });

  it('splits an event: the chosen claims form a new event, conflicts across the split go', async () => {
    const ev = busy(3)[0]!;
    const moving = claimsOf(machine, ev.id).slice(0, 2).map((c) => c.id);
    const s = fresh();
    await addCorrection(port(s), { kind: 'split-event', target: ev.id, claims: moving, label: 'Harbour visit' }, 'Lind');
    const exp = s.loadExport();
    const split = exp.events.find((e) => e.id === 'ev-x1') as Event;
    expect(split).toMatchObject({ label: 'Harbour visit', type: ev.type, corrected: true, correctionIds: ['x1'] });
    expect(claimsOf(exp, 'ev-x1').map((c) => c.id).sort()).toEqual([...moving].sort());
    expect(claimsOf(exp, ev.id)).toHaveLength(claimsOf(machine, ev.id).length - 2);
    const eventOf = new Map(exp.claims.map((c) => [c.id, c.event]));
    for (const k of exp.conflicts) for (const id of k.claims) expect(eventOf.get(id)).toBe(k.event);
  });

  it('refuses to split claims of another event, or every claim of one', async () => {
    const [a, b] = busy(2);
    const s = fresh();
    await expect(addCorrection(port(s), { kind: 'split-event', target: a!.id, claims: [claimsOf(machine, b!.id)[0]!.id] }, 'Lind')).rejects.toThrow(/is not a claim of/);
    await expect(addCorrection(port(s), { kind: 'split-event', target: a!.id, claims: claimsOf(machine, a!.id).map((c) => c.id) }, 'Lind')).rejects.toThrow(/every claim/);
    expect(s.corrections.list()).toEqual([]);
  });

  it('merges entities: the other becomes an alias, and its claims and statements are the kept one\'s', async () => {
    const sources = [...new Set(machine.claims.map((c) => c.source).filter((x): x is string => x !== null))];
    const [keep, other] = sources;
    const otherEntity = machine.entities.find((e) => e.id === other)!;
    const s = fresh();
    await addCorrection(port(s), { kind: 'merge-entities', target: keep!, others: [other!] }, 'Lind');
    const exp = s.loadExport();
    expect(exp.entities.find((e) => e.id === other)).toBeUndefined();
    const kept = exp.entities.find((e) => e.id === keep) as Entity;
    expect(kept.aliases).toContain(otherEntity.name);
    expect(kept.corrected).toBe(true);
    expect(exp.claims.filter((c) => c.source === other)).toEqual([]);
    expect(exp.claims.filter((c) => c.source === keep).length).toBe(machine.claims.filter((c) => c.source === keep || c.source === other).length);
    expect(exp.statements.filter((st) => st.speaker === other)).toEqual([]);
    expect(exp.statements.filter((st) => st.speaker === keep).length).toBe(machine.statements.filter((st) => st.speaker === keep || st.speaker === other).length);
  });

  it('adds an alias to an entity', async () => {
    const e = machine.entities[0]!;
    const s = fresh();
    await addCorrection(port(s), { kind: 'alias', target: e.id, alias: 'Brix Capital' }, 'Lind');
    expect(s.loadExport().entities.find((x) => x.id === e.id)).toMatchObject({ aliases: [...e.aliases, 'Brix Capital'], corrected: true });
  });

  it('rejects a claim, and the conflicts that cite it go with it', async () => {
    const k = machine.conflicts[0]!;
    const claim = k.claims[0];
    const s = fresh();
    await addCorrection(port(s), { kind: 'reject', target: claim }, 'Lind');
    const exp = s.loadExport();
    expect(exp.claims.find((c) => c.id === claim)).toBeUndefined();
    expect(exp.conflicts.filter((x) => x.claims.includes(claim))).toEqual([]);
    expect(exp.claims).toHaveLength(machine.claims.length - 1);
  });

  it('rejects a conflict', async () => {
    const k = machine.conflicts[0]!;
    const s = fresh();
    await addCorrection(port(s), { kind: 'reject', target: k.id }, 'Lind');
    const exp = s.loadExport();
    expect(exp.conflicts.map((x) => x.id)).toEqual(machine.conflicts.slice(1).map((x) => x.id));
    expect(exp.claims).toHaveLength(machine.claims.length);
  });

  it('confirms a claim and a conflict', async () => {
    const k = machine.conflicts[0]!;
    const s = fresh();
    await addCorrection(port(s), { kind: 'confirm', target: k.claims[1] }, 'Lind');
    await addCorrection(port(s), { kind: 'confirm', target: k.id }, 'Ardent');
    const exp = s.loadExport();
    expect(exp.claims.find((c) => c.id === k.claims[1])).toMatchObject({ confirmed: true, correctionIds: ['x1'] });
    expect((exp.claims.find((c) => c.id === k.claims[1]) as Claim).corrected).toBeUndefined();
    expect(exp.conflicts.find((c) => c.id === k.id)).toMatchObject({ confirmed: true, correctionIds: ['x2'] });
  });

  it("sets a claim's status and source", async () => {
    const c = machine.claims.find((x) => x.status !== 'cancelled' && x.source)!;
    const other = machine.entities.find((e) => e.id !== c.source)!;
    const s = fresh();
    await addCorrection(port(s), { kind: 'set-status', target: c.id, status: 'cancelled' }, 'Lind');
    await addCorrection(port(s), { kind: 'set-source', target: c.id, source: other.id }, 'Lind');
    expect(s.loadExport().claims.find((x) => x.id === c.id)).toMatchObject({ status: 'cancelled', source: other.id, corrected: true, correctionIds: ['x1', 'x2'] });
    await addCorrection(port(s), { kind: 'set-source', target: c.id, source: null }, 'Lind');
    expect(s.loadExport().claims.find((x) => x.id === c.id)!.source).toBeNull();
  });

  it('adds notes to an event, kept in order', async () => {
    const ev = busy(1)[0]!;
    const s = fresh();
    await addCorrection(port(s), { kind: 'note', target: ev.id, text: 'Ask the Norland desk' }, 'Lind');
    await addCorrection(port(s), { kind: 'note', target: ev.id, text: 'Second source pending' }, 'Lind');
    const row = s.loadExport().events.find((e) => e.id === ev.id) as Event;
    expect(row.notes).toEqual(['Ask the Norland desk', 'Second source pending']);
    expect(row.corrected).toBeUndefined();
  });

  it('refuses unknown ids, ids of the wrong kind and bad values with a one-line reason, keeping nothing', async () => {
    const s = fresh();
    const claim = machine.claims[0]!.id;
    const bad: Array<[unknown, RegExp]> = [
      [{ kind: 'reject', target: 'ev-nowhere' }, /^target ev-nowhere: no such item in the ledger$/],
      [{ kind: 'set-status', target: machine.events[0]!.id, status: 'held' }, /set-status takes a claim, not an event/],
      [{ kind: 'set-status', target: claim, status: 'maybe' }, /^status: /],
      [{ kind: 'merge-events', target: machine.events[0]!.id, others: [machine.events[0]!.id] }, /into itself/],
      [{ kind: 'explode', target: claim }, /kind/],
      [{ kind: 'note', target: claim, text: 'x', extra: 1 }, /extra/],
    ];
    for (const [input, message] of bad) {
      const err = await (async () => {
        try {
          await addCorrection(port(s), input, 'Lind');
        } catch (e) {
          return e as Error;
        }
        return null;
      })();
      expect(err, JSON.stringify(input)).toBeInstanceOf(CorrectionError);
      expect(err!.message).toMatch(message);
      expect(err!.message).not.toContain('\n');
    }
    expect(s.corrections.list()).toEqual([]);
    expect(s.loadExport()).toEqual(machine);
  });

  it('changes nothing when the ledger is rebuilt again', async () => {
    const [a, b] = busy(2);
    const s = fresh();
    await addCorrection(port(s), { kind: 'merge-events', target: a!.id, others: [b!.id] }, 'Lind');
    await addCorrection(port(s), { kind: 'reject', target: machine.conflicts[0]!.id }, 'Lind');
    const once = s.loadExport();
    const list = s.corrections.list();
    rebuildLedger(s);
    expect(s.loadExport()).toEqual(once);
    expect(s.corrections.list()).toEqual(list);
  });
});
