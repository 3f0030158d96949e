/**
 * Status cues by lemma: every inflection and noun of a cue, each stage of an event's life,
 * participles that only name a thing, a noun proposal below the verb that acts on it, and a
 * bare hedge that speaks of the salient event. Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { makeDoc, claimRows } from './fixture.js';
import type { FixtureEntity } from './fixture.js';
import { extractEvents } from '../../src/events/index.js';
import { segmentText } from '../../src/text/segment.js';

const actors: Record<string, FixtureEntity> = {
  'Ardent Foods': { type: 'organization' },
  'Brix Capital': { type: 'organization' },
  'Arlo Venn': { aliases: ['Venn'] },
  'Mira Sol': { aliases: ['Sol'] },
  'Norland': { type: 'place' },
  'Ostrava Bay': { type: 'place' },
};

function statuses(text: string): string[] {
  const d = makeDoc(text, { entities: actors });
  extractEvents(d);
  return claimRows(d).map((r) => r.status);
}

describe('text/segment: tokens carry their lemma', () => {
  it('lower case, one per inflection', () => {
    const text = 'Ardent Foods walked away and Brix Capital is suspending talks.';
    const lemma = (w: string): string | undefined => segmentText(text).tokens.find((t) => text.slice(t.start, t.end) === w)?.lemma;
    expect([lemma('walked'), lemma('suspending'), lemma('talks')]).toEqual(['walk', 'suspend', 'talk']);
  });
});

describe('events/cues: one lemma entry covers every inflection', () => {
  it.each([
    ['Ardent Foods is walking away from its deal with Brix Capital.', 'cancelled'],
    ['Ardent Foods walks away from the merger with Brix Capital.', 'cancelled'],
    ['Ardent Foods is scrapping its merger with Brix Capital.', 'cancelled'],
    ['Norland is suspending the truce with Ostrava Bay.', 'postponed'],
    ['Venn postpones the summit with Sol.', 'postponed'],
    // A gap: the object between the verb and its particle.
    ['Venn and Sol called their summit off on Friday.', 'cancelled'],
    ['Venn is putting the summit with Sol on ice.', 'postponed'],
  ])('%s -> %s', (text, status) => {
    expect(statuses(text)).toEqual([status]);
  });
});

describe('events/cues: a verb cue and its noun are one entry', () => {
  it.each([
    ['The cancellation of the summit between Venn and Sol surprised aides.', 'cancelled'],
    ['The postponement of the summit between Venn and Sol surprised aides.', 'postponed'],
    ['Ardent Foods announced the withdrawal of its bid for Brix Capital.', 'cancelled'],
    ['Shareholders gave their approval to the merger of Ardent Foods and Brix Capital.', 'agreed'],
  ])('%s -> %s', (text, status) => {
    expect(statuses(text)).toEqual([status]);
  });
});

describe('events/cues: each stage of an event\'s life', () => {
  it.each([
    // offered
    ['Ardent Foods put forward a takeover of Brix Capital.', 'proposed'],
    // approved by a board, a regulator
    ['The merger of Ardent Foods and Brix Capital was approved by the board.', 'agreed'],
    ['Regulators cleared the merger of Ardent Foods and Brix Capital.', 'agreed'],
    // on track to close; a completion ahead
    ['The merger of Ardent Foods and Brix Capital is on track to close in March.', 'planned'],
    ['The merger of Ardent Foods and Brix Capital would be completed in June.', 'planned'],
    // closed, took effect
    ['The merger of Ardent Foods and Brix Capital closed on Wednesday.', 'held'],
    ['The truce between Norland and Ostrava Bay went into effect at dawn.', 'held'],
    // paused, put on ice
    ['The summit between Venn and Sol was put on ice.', 'postponed'],
    ['The truce between Norland and Ostrava Bay was paused.', 'postponed'],
    ['Regulators granted an extension to the merger of Ardent Foods and Brix Capital.', 'postponed'],
    // blocked: a past act
    ['Regulators blocked the merger of Ardent Foods and Brix Capital.', 'cancelled'],
    // failed to take place
    ['The summit between Venn and Sol failed to take place.', 'not_held'],
    // opposed, or a course announced against it: unlikely
    ['Venn opposes the merger of Ardent Foods and Brix Capital.', 'unlikely'],
    ['Venn vowed to block the merger of Ardent Foods and Brix Capital.', 'unlikely'],
    ['Ardent Foods threatened to pull out of the merger with Brix Capital.', 'unlikely'],
    // reaffirmed as still binding
    ['Norland reaffirmed the truce with Ostrava Bay.', 'agreed'],
    ['The truce between Norland and Ostrava Bay remains in force.', 'agreed'],
    // a pursuit that goes on: giving it up denied
    ['Ardent Foods will never give up on its bid for Brix Capital.', 'proposed'],
  ])('%s -> %s', (text, status) => {
    expect(statuses(text)).toEqual([status]);
  });
});

describe('events/cues: a participle before a noun only names it', () => {
  it('"a privately held firm", "a closed-door affair": nothing took place', () => {
    expect(statuses('The merger of Ardent Foods and Brix Capital, a privately held firm, drew scrutiny.')).toEqual([]);
    expect(statuses('The merger of Ardent Foods and Brix Capital, a closed-door affair, drew scrutiny.')).toEqual([]);
  });
  it('"the proposed merger" in the narration: a name, no status', () => {
    expect(statuses('Regulators are studying the proposed merger of Ardent Foods and Brix Capital.')).toEqual([]);
  });
  it('"its planned merger": any other cue of the clause outranks it', () => {
    expect(statuses('Ardent Foods is pushing for its planned merger with Brix Capital.')).toEqual(['proposed']);
  });
});

describe('events/cues: a verb that acts on a proposal outranks the proposal\'s noun', () => {
  it.each([
    ['Brix Capital accepted the offer of a merger from Ardent Foods.', 'agreed'],
    ['Brix Capital agreed to the merger offer from Ardent Foods.', 'agreed'],
  ])('%s -> %s', (text, status) => {
    expect(statuses(text)).toEqual([status]);
  });
});

describe('events/cues: a bare hedge speaks of the salient event', () => {
  it.each([
    ['Venn and Sol planned a summit in May. There is still a chance.'],
    ['Venn and Sol planned a summit in May. It remains possible.'],
  ])('%s', (text) => {
    expect(statuses(text)).toEqual(['planned', 'possible']);
  });
});
