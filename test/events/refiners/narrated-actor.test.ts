/**
 * A narrated act belongs to the party who acts: the subject of the status verb, the agent of a
 * passive, or the owner of "X's proposed takeover"; not the first name in the clause, and no one
 * when the names are objects ("between", "with") or the status is a plan or a chance.
 */
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../fixture.js';
import { people } from '../people.js';
import { extractEvents } from '../../../src/events/index.js';
import { actingParty } from '../../../src/events/refiners/narrated-actor.js';

const companies = { ...people, 'Brix Capital': { type: 'organization' as const, aliases: ['Brix'] }, 'Ardent Foods': { type: 'organization' as const, aliases: ['Ardent'] } };

/** Each claim as [status, actor name or '-']. */
function actors(text: string): Array<[string, string]> {
  const d = makeDoc(text, { entities: companies });
  extractEvents(d);
  const name = new Map(d.locals.map((l) => [l.id, l.name]));
  return d.claims.map((c) => [c.status, c.actor ? name.get(c.actor) ?? c.actor : '-']);
}

describe('events/refiners/narrated-actor', () => {
  it.each<[string, Array<[string, string]>]>([
    ['Brix walked away from the takeover of Ardent on Friday.', [['cancelled', 'Brix Capital']]],
    // The subject, not the first name in the clause.
    ['In a blow to Ardent, Brix walked away from the takeover on Friday.', [['cancelled', 'Brix Capital']]],
    // The agent of a passive.
    ['The takeover of Ardent was called off by Brix on Friday.', [['cancelled', 'Brix Capital']]],
    // A passive without an agent names no actor, though a name acts in the clause before it.
    ['Brix offered to buy Ardent in May, but the takeover was put on hold by autumn.', [['proposed', 'Brix Capital'], ['postponed', '-']]],
    // Objects of "between" act on nothing.
    ['The takeover talks between Ardent and Brix collapsed on Friday.', [['cancelled', '-']]],
    // The objects of an order are told to act: the one who orders acts.
    ['Venn ordered Brix and Ardent to abandon the takeover by Friday.', [['cancelled', 'Arlo Venn']]],
    // In reported speech the claim stays the speaker's; its actor tells whose act is reported.
    ['Brix said that Venn had delayed the takeover of Ardent.', [['postponed', 'Arlo Venn']]],
    // A plan or a chance told by the article is no party's act.
    ['Brix is set to complete the takeover of Ardent next week.', [['planned', '-']]],
  ])('%s', (text, expected) => {
    expect(actors(text)).toEqual(expected);
  });
});

describe('events/refiners/narrated-actor: actingParty on a clause', () => {
  /** Candidates: every occurrence of each name; the cue: the first occurrence of `cue`. */
  function actor(text: string, cue: string, names: string[]): string | null {
    const candidates = names.flatMap((n) => [...text.matchAll(new RegExp(n, 'g'))].map((m) => ({ start: m.index, end: m.index + n.length, local: n })));
    const at = text.indexOf(cue);
    return actingParty(text, { start: 0, end: text.length }, { start: at, end: at + cue.length }, candidates)?.local ?? null;
  }

  it.each<[string, string, string[], string | null]>([
    // "made by Brix" is the agent of the offer, not of the refusal.
    ['Norland showed that it was in no hurry to accept the offer made by Brix', 'accept', ['Norland', 'Brix'], null],
    ['The takeover was called off last month by Norland', 'called off', ['Norland'], 'Norland'],
    ["Brix's proposed takeover of Ardent", 'proposed', ['Brix', 'Ardent'], 'Brix'],
    // Another subject stands between the name and the cue.
    ['Ardent said on Monday that she would block it', 'block', ['Ardent'], null],
  ])('%s', (text, cue, names, expected) => {
    expect(actor(text, cue, names)).toBe(expected);
  });
});
