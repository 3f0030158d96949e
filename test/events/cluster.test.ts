import { describe, expect, it } from 'vitest';
import { makeDoc, type FixtureStatement } from './fixture.js';
import { people } from './people.js';
import { extractEvents, clusterEvents } from '../../src/events/index.js';
import type { Canonical } from '../../src/entities/index.js';
import type { Doc } from '../../src/core/types.js';

function corpus(items: Array<{ text: string; published: string; statements?: FixtureStatement[]; duplicateOf?: string }>) {
  const docs: Doc[] = items.map((it, i) => {
    const d = makeDoc(it.text, { id: `d${i + 1}`, entities: people, statements: it.statements, published: it.published, duplicateOf: it.duplicateOf });
    extractEvents(d);
    return d;
  });
  // Canonical entities: the local key is the name, one entity per name, one side per person.
  const side: Record<string, string> = { 'Arlo Venn': 'Norland government', 'Ilse Marr': 'Norland government', 'Mira Sol': 'Ostrava government', 'Tomas Reede': 'Ostrava government' };
  const canon: Canonical = {
    entities: Object.keys(people).map((name) => ({ id: `E:${name}`, name, type: 'person', aliases: [], roles: [], affiliation: [], side: side[name] ?? null })),
    entityOf: new Map(docs.map((d) => [d.id, new Map(d.locals.map((l) => [l.id, `E:${l.id}`]))])),
  };
  return { docs, canon, ...clusterEvents(docs, canon) };
}

describe('events/cluster: event identity', () => {
  it('same type and parties across documents: one event, status best supported now', () => {
    const r = corpus([
      { text: 'Venn plans to meet Sol.', published: '2031-03-01' },
      { text: 'The summit between Venn and Sol was postponed.', published: '2031-03-05' },
    ]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.status).toBe('postponed');
    expect(r.events[0]!.participants).toEqual(['E:Arlo Venn', 'E:Mira Sol']);
    expect(new Set(r.claims.map((c) => c.event)).size).toBe(1);
  });

  it('a clash of place splits', () => {
    const r = corpus([
      { text: 'Venn will meet Sol in Norland.', published: '2031-03-01' },
      { text: 'Venn will meet Sol in Ostrava Bay.', published: '2031-03-02' },
    ]);
    expect(r.events).toHaveLength(2);
  });

  it('a held event is closed: a later proposal is a new event', () => {
    const r = corpus([
      { text: 'Venn met Sol on Monday.', published: '2031-03-01' },
      { text: 'Venn proposed another summit with Sol.', published: '2031-03-10' },
    ]);
    expect(r.events).toHaveLength(2);
  });

  it('what happened cannot be postponed: a later postponement belongs to the earlier plan', () => {
    const r = corpus([
      { text: 'Venn plans to meet Sol in Ostrava Bay.', published: '2031-03-01' },
      { text: 'Venn met Sol in Norland last spring. The summit between Venn and Sol was postponed.', published: '2031-03-06' },
    ]);
    const ofStatus = (s: string) => r.claims.find((c) => c.claim.status === s)!.event;
    expect(ofStatus('postponed')).toBe(ofStatus('planned'));
    expect(ofStatus('postponed')).not.toBe(ofStatus('held'));
  });

  it('planned then held is one event', () => {
    const r = corpus([
      { text: 'Venn will meet Sol on Friday.', published: '2031-03-01' },
      { text: 'Venn met Sol on Friday.', published: '2031-03-04' },
    ]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.status).toBe('held');
  });

  it('a bilateral is not a trilateral', () => {
    const r = corpus([{ text: 'Venn plans to meet Sol. A trilateral with Sol, Reede and Venn was proposed.', published: '2031-03-01' }]);
    expect(r.events.map((e) => e.participants.length).sort()).toEqual([2, 3]);
  });

  it('months apart: a new round', () => {
    const r = corpus([
      { text: 'Venn plans to meet Sol.', published: '2031-01-01' },
      { text: 'Venn plans to meet Sol.', published: '2031-06-01' },
    ]);
    expect(r.events).toHaveLength(2);
  });

  // Issue 14: an undated article joins the most recent compatible event (it cannot open a round),
  // by its place when it names one.
  it('an undated document joins the most recent compatible event', () => {
    const r = corpus([
      { text: 'Venn plans to meet Sol in Norland.', published: '2031-03-01' },
      { text: 'Venn might meet Sol, aides said.', published: null as unknown as string },
      { text: 'Venn will meet Sol in Norland next week.', published: null as unknown as string },
      { text: 'Venn will meet Sol in Ostrava Bay.', published: null as unknown as string },
    ]);
    const ev = (doc: string) => r.claims.find((c) => c.doc === doc)!.event;
    expect(ev('d3')).toBe(ev('d1'));
    expect(ev('d2')).toBe(ev('d1'));
    expect(ev('d4')).not.toBe(ev('d1'));
  });

  it('ids are stable and copies point at the original claim', () => {
    const text = 'Marr said Sol had agreed to meet Venn.';
    const st = [{ content: 'Sol had agreed to meet Venn', speaker: 'Ilse Marr' }];
    const a = corpus([{ text, published: '2031-03-01', statements: st }, { text, published: '2031-03-01', statements: st, duplicateOf: 'd1' }]);
    const b = corpus([{ text, published: '2031-03-01', statements: st }, { text, published: '2031-03-01', statements: st, duplicateOf: 'd1' }]);
    expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
    expect(a.claims.map((c) => [c.id, c.copyOf, c.source, c.side])).toEqual([
      ['d1:cl1', null, 'E:Ilse Marr', 'Norland government'],
      ['d2:cl1', 'd1:cl1', 'E:Ilse Marr', 'Norland government'],
    ]);
  });

  it('a country and its government are one party; next to a country, a person stands for theirs', () => {
    const entities = {
      ...people,
      Norland: { type: 'place' as const },
      'Norland government': { type: 'organization' as const },
      Ostrava: { type: 'place' as const },
    };
    const texts = ['Ostrava agreed a deal with Norland.', 'The Norland government said the deal with Ostrava was never finalized.', 'Venn proposed a deal with Norland.', 'Venn met Sol.'];
    const docs = texts.map((text, i) => {
      const d = makeDoc(text, { id: `d${i + 1}`, entities, published: `2031-03-0${i + 1}` });
      extractEvents(d);
      return d;
    });
    const side: Record<string, string> = { Norland: 'Norland government', 'Norland government': 'Norland government', Ostrava: 'Ostrava government', 'Arlo Venn': 'Ostrava government', 'Mira Sol': 'Norland government' };
    const type = (n: string) => entities[n as keyof typeof entities].type ?? 'person';
    const canon: Canonical = {
      entities: [...Object.keys(entities), 'Ostrava government'].map((name) => ({ id: `E:${name}`, name, type: name === 'Ostrava government' ? 'organization' : type(name), aliases: [], roles: [], affiliation: [], side: side[name] ?? null })),
      entityOf: new Map(docs.map((d) => [d.id, new Map(d.locals.map((l) => [l.id, `E:${l.id}`]))])),
    };
    const r = clusterEvents(docs, canon);
    expect(r.events.map((e) => [e.type, e.participants, r.claims.filter((c) => c.event === e.id).map((c) => c.claim.status)])).toEqual([
      ['deal', ['E:Norland', 'E:Ostrava'], ['agreed', 'not_agreed', 'proposed']],
      ['meeting', ['E:Arlo Venn', 'E:Mira Sol'], ['held']],
    ]);
  });
});

