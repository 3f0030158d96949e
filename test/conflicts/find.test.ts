import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/conflicts/index.js';
import type { Claim, Entity, Event, LedgerClaim, Status } from '../../src/core/types.js';

const entities: Entity[] = [
  { id: 'venn', name: 'Arlo Venn', type: 'person', aliases: [], roles: [], affiliation: ['Norland government'], side: 'Norland government' },
  { id: 'marr', name: 'Ilse Marr', type: 'person', aliases: [], roles: [], affiliation: ['Norland government'], side: 'Norland government' },
  { id: 'sol', name: 'Mira Sol', type: 'person', aliases: [], roles: [], affiliation: ['Ostrava government'], side: 'Ostrava government' },
  { id: 'reede', name: 'Tomas Reede', type: 'person', aliases: [], roles: [], affiliation: ['Ostrava government'], side: 'Ostrava government' },
];
const sideOf = new Map(entities.map((e) => [e.id, e.side]));
const event: Event = { id: 'ev1', type: 'meeting', participants: ['venn', 'sol'], place: null, time: null, label: 'meeting', mentions: [], status: null };

let n = 0;
function lc(source: string, status: Status, date: string, opts: { doc?: string; copyOf?: string; at?: number; statement?: string; modality?: Claim['modality'] } = {}): LedgerClaim {
  n++;
  const claim: Claim = {
    id: `cl${n}`, eventMention: 'em1', statement: opts.statement ?? null, source, sourceText: source, status, modality: opts.modality ?? 'asserted',
    evidence: { start: opts.at ?? n, end: (opts.at ?? n) + 1, rule: 't' }, cue: null,
    date: { start: date, end: date, granularity: 'day', timex: date, implied: false }, rule: 't',
  };
  return { id: `${opts.doc ?? 'd1'}:cl${n}`, doc: opts.doc ?? 'd1', claim, event: 'ev1', source, side: sideOf.get(source) ?? null, copyOf: opts.copyOf ?? null };
}
const kinds = (claims: LedgerClaim[]) => findConflicts([event], claims, entities).map((k) => k.kind);

describe('conflicts/find', () => {
  it('denial: another side rejects an agreement', () => {
    const a = lc('marr', 'agreed', '2031-03-01');
    const b = lc('sol', 'not_agreed', '2031-03-02');
    const ks = findConflicts([event], [a, b], entities);
    expect(ks.map((k) => [k.kind, k.claims])).toEqual([['denial', [a.id, b.id]]]);
    expect(ks[0]!.explanation).toMatch(/Ilse Marr.*2031-03-01.*agreed.*Mira Sol.*2031-03-02.*not agreed/);
  });

  it('walk-back: the same side retreats from agreed to proposed once the other side disputes it', () => {
    expect(kinds([lc('marr', 'agreed', '2031-03-01'), lc('sol', 'not_agreed', '2031-03-01'), lc('venn', 'proposed', '2031-03-02')])).toEqual(['denial', 'walk_back']);
  });

  it('reversal: planned, then no longer planned', () => {
    expect(kinds([lc('venn', 'planned', '2031-03-01'), lc('marr', 'postponed', '2031-03-06')])).toEqual(['reversal']);
  });

  it('correction: held, then not held, by one side', () => {
    expect(kinds([lc('venn', 'held', '2031-03-01'), lc('marr', 'not_held', '2031-03-01')])).toEqual(['correction']);
  });

  it('a plan of one side and another side\'s stop both stand: no conflict', () => {
    expect(kinds([lc('venn', 'planned', '2031-03-01'), lc('sol', 'cancelled', '2031-03-01')])).toEqual([]);
  });

  it('not conflicts: postponed then cancelled, cancelled then possible, planned then held, repeats', () => {
    expect(kinds([lc('venn', 'postponed', '2031-03-01'), lc('venn', 'cancelled', '2031-03-02'), lc('venn', 'possible', '2031-04-01')])).toEqual([]);
    expect(kinds([lc('venn', 'planned', '2031-03-01'), lc('sol', 'held', '2031-03-09')])).toEqual([]);
    expect(kinds([lc('venn', 'agreed', '2031-03-01', { doc: 'd1' }), lc('venn', 'agreed', '2031-03-01', { doc: 'd2' })])).toEqual([]);
  });

  it('two statuses in one statement are no change of course ("we agreed on X, and will work towards Y")', () => {
    expect(kinds([lc('venn', 'agreed', '2031-03-01', { statement: 's1' }), lc('venn', 'proposed', '2031-03-01', { statement: 's1' })])).toEqual([]);
    const disputed = lc('sol', 'not_agreed', '2031-03-01');
    expect(kinds([lc('venn', 'agreed', '2031-03-01', { statement: 's1' }), disputed, lc('venn', 'proposed', '2031-03-02', { statement: 's2' })])).toEqual(['denial', 'walk_back']);
  });

  it('a conditional claim ("will not happen unless ...") contradicts nothing', () => {
    expect(kinds([lc('venn', 'planned', '2031-03-01'), lc('sol', 'unlikely', '2031-03-02', { modality: 'conditional' })])).toEqual([]);
  });

  it('a step-by-step timeline: each claim is judged against the side\'s previous one', () => {
    // agreed -> postponed is a reversal; postponed -> possible is not a further walk-back.
    expect(kinds([lc('venn', 'agreed', '2031-03-01'), lc('marr', 'postponed', '2031-03-05'), lc('marr', 'possible', '2031-03-07')])).toEqual(['reversal']);
  });

  it('copies are not independent sources', () => {
    const a = lc('marr', 'agreed', '2031-03-01');
    const b = lc('sol', 'not_agreed', '2031-03-02');
    const copy = lc('sol', 'not_agreed', '2031-03-02', { doc: 'd3', copyOf: b.id });
    expect(findConflicts([event], [a, b, copy], entities)).toHaveLength(1);
  });

  it('no cartesian explosion: many repeats of both sides give one conflict per side pair and kind', () => {
    const claims = [
      lc('venn', 'agreed', '2031-03-01'), lc('marr', 'agreed', '2031-03-01'), lc('venn', 'agreed', '2031-03-02'),
      lc('sol', 'not_agreed', '2031-03-03'), lc('sol', 'not_agreed', '2031-03-03'), lc('reede', 'not_agreed', '2031-03-04'),
    ];
    expect(kinds(claims)).toEqual(['denial']);
  });

  it('a stop explains what follows it: "no reason to meet" and "on hold", then "possible some day", is no retreat', () => {
    expect(kinds([lc('venn', 'unlikely', '2031-03-05'), lc('marr', 'postponed', '2031-03-05'), lc('venn', 'possible', '2031-03-07')])).toEqual([]);
    expect(kinds([lc('venn', 'unlikely', '2031-03-05'), lc('venn', 'possible', '2031-03-07')])).toEqual(['walk_back']);
  });

  it('a weaker word after a disputed firm claim is a walk-back', () => {
    expect(kinds([lc('venn', 'planned', '2031-03-01'), lc('sol', 'not_agreed', '2031-03-02'), lc('venn', 'possible', '2031-03-05')])).toEqual(['denial', 'walk_back']);
  });
});
