import { describe, expect, it } from 'vitest';
import { makeDoc, claimRows, type FixtureEntity, type FixtureStatement } from '../fixture.js';
import { people } from '../people.js';
import { extractEvents } from '../../../src/events/index.js';
import { analyzeDoc } from '../../../src/pipeline.js';
import { buildDoc } from '../../../src/clean/index.js';

function rows(text: string, statements: FixtureStatement[] = [], more: Record<string, FixtureEntity> = {}) {
  const d = makeDoc(text, { entities: { ...people, ...more }, statements });
  extractEvents(d);
  return { rows: claimRows(d), places: d.eventMentions.map((m) => m.place) };
}

describe('events/rules/triggers: a form in another sense is no trigger', () => {
  it.each([
    ['Venn agreed to take over as chief of Quill Motors.', []],
    ['Sol agreed to take over leadership of the board of Quill Motors.', []],
    ['Quill Motors agreed to take over Brenner Works.', ['Brenner Works+Quill Motors']],
    // A judgement or a kind of deal names none that happens.
    ['Sol agreed that selling Brenner Works to Quill Motors would be a bad deal.', []],
    ['Quill Motors agreed to buy Brenner Works. Sol said she would fight any deal that leaves Venn behind. Reede blocked the deal.', ['Brenner Works+Quill Motors', 'Brenner Works+Quill Motors']],
  ])('%s', (text, parts) => {
    expect(rows(text).rows.map((r) => r.participants)).toEqual(parts);
  });
});

describe('events/rules/participants', () => {
  it.each([
    ['Venn plans a summit between Sol and Reede.', 'Mira Sol+Tomas Reede'],
    ['Venn plans to meet with Sol.', 'Arlo Venn+Mira Sol'],
    ['Sol and Reede met on Tuesday.', 'Mira Sol+Tomas Reede'],
    // A call whose parties are the subject pair, no "with": "A and B spoke by telephone".
    ['Sol and Reede spoke by telephone on Sunday.', 'Mira Sol+Tomas Reede'],
    ['Venn and Sol spoke by phone for an hour.', 'Arlo Venn+Mira Sol'],
    ['Venn said the meeting between Sol and Reede went well.', 'Mira Sol+Tomas Reede'],
    ['Quill Motors agreed to a takeover of Brenner Works.', 'Brenner Works+Quill Motors'],
    // A dateline's agency reports the story; it takes no part in it.
    ['Kelmar, May 2 (Brill Wire)--Quill Motors agreed to a takeover of Brenner Works.', 'Brenner Works+Quill Motors'],
  ])('%s -> %s', (text, parts) => {
    expect(rows(text).rows.map((r) => r.participants)).toEqual([parts]);
  });

  // A trigger that ends in its preposition opens its objects at once; the agent is the party before it.
  it.each([
    ['Reede said Venn had a long meeting with Sol.', 'Arlo Venn+Mira Sol'],
    ['Reede reported that Venn spoke with Sol on Friday.', 'Arlo Venn+Mira Sol'],
    ['In Norland, Reede confirmed Venn had spoken on the phone to Sol.', 'Arlo Venn+Mira Sol'],
    // A passive agent: "was not conducted by Venn".
    ['The call with Sol was not conducted by Venn himself.', 'Arlo Venn+Mira Sol'],
  ])('own preposition / passive agent: %s -> %s', (text, parts) => {
    expect(rows(text).rows.map((r) => r.participants)).toEqual([parts]);
  });

  it.each([
    // Parties named right before the noun: hyphen, dash, or a possessive pair.
    ['Reede began arrangements for a Venn-Sol meeting.', ['Arlo Venn+Mira Sol']],
    ['Reede said Venn and Sol\'s meeting was scheduled for May.', ['Arlo Venn+Mira Sol']],
    // A verb or -ing form with its party right after it.
    ['Venn avoids meeting Sol because "he dislikes him."', ['Arlo Venn+Mira Sol']],
    // A list closed by "and" takes no more after a bare comma.
    ['The summit between Venn and Sol, Reede said, was postponed.', ['Arlo Venn+Mira Sol']],
  ])('premodifiers, direct objects, closed lists: %s', (text, parts) => {
    expect(rows(text).rows.map((r) => r.participants)).toEqual(parts);
  });

  it('"the meeting with Sol went well," in the speaker\'s own words: the speaker met Sol', () => {
    const d = makeDoc('"The meeting with Sol went very well," Venn said.', { entities: people, statements: [{ content: 'The meeting with Sol went very well', speaker: 'Arlo Venn' }] });
    d.statements[0]!.kind = 'direct';
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.participants, r.status, r.source])).toEqual([['Arlo Venn+Mira Sol', 'held', 'Arlo Venn']]);
  });

  it('a group and the parties named beside it: "a trilat, the two leaders, plus myself"', () => {
    const text = 'Venn said he set up a summit between Sol and Reede. "After that we will have a trilat, the two leaders, plus myself," Venn said.';
    const d = makeDoc(text, { entities: people, statements: [{ content: 'After that we will have a trilat, the two leaders, plus myself', speaker: 'Arlo Venn' }] });
    extractEvents(d);
    expect(claimRows(d).filter((r) => r.status === 'planned').map((r) => r.participants)).toContain('Arlo Venn+Mira Sol+Tomas Reede');
  });

  it('a bare verb with nobody named points back only from a plural subject', () => {
    expect(rows('Venn met Sol in Norland. Some of the aides also visited the harbour.').rows.map((r) => r.participants)).toEqual(['Arlo Venn+Mira Sol']);
    expect(rows('Venn met Sol in Norland. The two met again on Friday.').rows.map((r) => r.participants)).toEqual(['Arlo Venn+Mira Sol', 'Arlo Venn+Mira Sol']);
  });

  it('a cue at a noun of setting is not about it: "agreed at his summit with Sol to ..."', () => {
    expect(rows('Venn agreed at his summit with Sol to offer Norland a loan.').rows).toEqual([]);
  });

  it('a cue whose object is a trigger belongs to it: "refused to agree to a quick settlement"', () => {
    const r = rows('The summit between Venn and Sol was seen as a bid to avert sanctions if Norland refused to agree to a quick settlement.');
    expect(r.rows.filter((x) => x.type === 'meeting')).toEqual([]);
  });

  it('"no agreement between them on this" speaks of the event talked about', () => {
    const r = rows('Reede said there is talk of a summit between Venn and Sol. But there was no agreement between Venn and Reede on this.');
    expect(r.rows.map((x) => [x.type, x.participants, x.status])).toEqual([
      ['meeting', 'Arlo Venn+Mira Sol', 'proposed'],
      ['meeting', 'Arlo Venn+Mira Sol', 'not_agreed'],
    ]);
  });

  it('a name of unknown type takes part only where it is named as a party', () => {
    const more = { Dorn: { type: 'unknown' as const }, Kesh: { type: 'unknown' as const } };
    expect(rows('Reede said a meeting between Dorn and Kesh was planned.', [], more).rows.map((r) => r.participants)).toEqual(['Dorn+Kesh']);
    expect(rows('Reede said a Dorn-Kesh meeting was planned.', [], more).rows.map((r) => r.participants)).toEqual(['Dorn+Kesh']);
    expect(rows('Dorn said the summit was planned.', [], more).rows).toEqual([]);
  });

  it('"such a meeting" whose clause names only its speaker: the last one called a meeting', () => {
    const text = 'Talk of a Venn-Sol meeting grew after the talks between Reede and Venn. Marr said she had begun the arrangements for such a meeting.';
    const r = rows(text, [{ content: 'she had begun the arrangements for such a meeting', speaker: 'Ilse Marr' }]);
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([['Arlo Venn+Mira Sol', 'planned']]);
  });

  it('"on this" points to the event just named, not an agreement further back', () => {
    const text = 'Venn agreed to a call with Reede. Marr said there is talk of a summit between Venn and Sol. But there was no agreement between Venn and Reede on this.';
    const r = rows(text);
    expect(r.rows.filter((x) => x.status === 'not_agreed').map((x) => [x.type, x.participants])).toEqual([['meeting', 'Arlo Venn+Mira Sol']]);
  });

  it('"it was A who spoke with C, and not B": held for A, not held for B', () => {
    const r = rows('Marr said it was Reede who spoke with Sol, and not Venn.');
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([
      ['Mira Sol+Tomas Reede', 'held'],
      ['Arlo Venn+Mira Sol', 'not_held'],
    ]);
  });

  it('"their leaders" stands for the parties of the event talked about', () => {
    const r = rows('Venn met Sol on Monday. Aides said they would discuss the timing of a phone call between their leaders.');
    expect(r.rows.map((x) => [x.type, x.participants, x.status])).toEqual([
      ['meeting', 'Arlo Venn+Mira Sol', 'held'],
      ['call', 'Arlo Venn+Mira Sol', 'planned'],
    ]);
  });

  it('a city after a preposition of place, a source named on its account: no parties', () => {
    const more = { Kelmar: { type: 'place' as const }, 'Harbour Board': { type: 'organization' as const } };
    expect(rows('A truce between Quill Motors and Brenner Works was agreed in Kelmar.', [], more).rows.map((r) => r.participants)).toEqual(['Brenner Works+Quill Motors']);
    expect(rows('The Harbour Board version says a truce with Brenner Works was agreed.', [], more).rows).toEqual([]);
  });

  it('"no agreement on this" after a sentence naming two events speaks of each', () => {
    const text = 'Marr said there is talk of a trilateral with Venn, Sol and Reede, of a summit between Venn and Sol. But there was no agreement between Venn and Reede on this.';
    const r = rows(text, [{ content: 'there is talk of a trilateral with Venn, Sol and Reede, of a summit between Venn and Sol', speaker: 'Ilse Marr' }]);
    expect(r.rows.filter((x) => x.status === 'not_agreed').map((x) => x.participants).sort()).toEqual(['Arlo Venn+Mira Sol', 'Arlo Venn+Mira Sol+Tomas Reede']);
  });

  it('"I don\'t know that they\'ll meet": the first person is not the subject of the meeting', () => {
    const text = 'Venn met Sol in May. "I don\'t know that they\'ll meet again," Reede said.';
    const r = rows(text, [{ content: "I don't know that they'll meet again", speaker: 'Tomas Reede' }]);
    expect(r.rows.filter((x) => x.status === 'possible').map((x) => x.participants)).not.toContain('Arlo Venn+Mira Sol+Tomas Reede');
  });

  it('a name the clause only mentions does not complete a group', () => {
    const text = 'Venn proposed a summit between Sol and Reede. Marr said the two leaders welcomed a trilateral format.';
    expect(rows(text).rows.map((x) => x.participants)).not.toContain('Ilse Marr+Mira Sol+Tomas Reede');
  });

  it('a possessive setting takes no cue: "discussed during Venn and Sol\'s phone call"', () => {
    expect(rows('Reede agreed during Venn and Sol\'s phone call to send aid.').rows).toEqual([]);
  });

  it('a deal named with one company, said by an officer of another: his company is the other party', () => {
    const text = 'Brenner Works issued a note. Marr said a takeover by Quill Motors had been agreed.';
    const d = makeDoc(text, { entities: { ...people, 'Quill Motors': { type: 'organization' }, 'Brenner Works': { type: 'organization' } }, statements: [{ content: 'a takeover by Quill Motors had been agreed', speaker: 'Ilse Marr' }] });
    d.locals.find((l) => l.id === 'Ilse Marr')!.affiliation = 'Brenner Works';
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.participants, r.status])).toEqual([['Brenner Works+Quill Motors', 'agreed']]);
  });

  it('"between X and the Y": the article does not end the list', () => {
    expect(rows('A truce between Quill Motors and the Brenner Works board took effect.').rows.map((r) => [r.participants, r.status])).toEqual([['Brenner Works+Quill Motors', 'held']]);
  });

  it('"the meeting" whose clause names someone only well after it is the meeting named before', () => {
    const r = rows('Venn met Sol on Monday. An aide said the meeting had gone well and the steep new sanctions that Reede threatened would still apply.');
    expect(r.rows.filter((x) => x.type === 'meeting').map((x) => [x.participants, x.status])).toEqual([
      ['Arlo Venn+Mira Sol', 'held'],
      ['Arlo Venn+Mira Sol', 'held'],
    ]);
  });

  it('a new verb phrase after "and now" is its own clause', () => {
    const r = rows('Venn met Sol in Norland on Monday and now expects to talk to Reede.');
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([
      ['Arlo Venn+Mira Sol', 'held'],
      ['Arlo Venn+Tomas Reede', 'planned'],
    ]);
  });

  it('a quotation closed before its attribution ends the clause: the speaker named after it is no party', () => {
    const r = rows('"Venn is ready to meet Sol," Reede told the radio.', [{ content: 'Venn is ready to meet Sol', speaker: 'Tomas Reede' }]);
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([['Arlo Venn+Mira Sol', 'proposed']]);
  });

  it('the reporting speaker is not a participant; "I will meet" makes the speaker one', () => {
    const a = rows('Marr said Sol had agreed to meet Venn.', [{ content: 'Sol had agreed to meet Venn', speaker: 'Ilse Marr' }]);
    expect(a.rows.map((r) => [r.participants, r.source])).toEqual([['Arlo Venn+Mira Sol', 'Ilse Marr']]);
    const b = rows('"I will meet Sol next week," Venn said.', [{ content: 'I will meet Sol next week', speaker: 'Arlo Venn' }]);
    expect(b.rows.map((r) => [r.participants, r.status, r.source])).toEqual([['Arlo Venn+Mira Sol', 'planned', 'Arlo Venn']]);
  });

  it('"the meeting" points back to the last meeting with those parties', () => {
    const r = rows('Venn will meet Sol in Norland. Later the meeting was postponed.');
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([
      ['Arlo Venn+Mira Sol', 'planned'],
      ['Arlo Venn+Mira Sol', 'postponed'],
    ]);
    expect(r.places).toEqual(['Norland', 'Norland']);
  });

  it('a trilateral is not the bilateral before it', () => {
    const r = rows('Venn set up a meeting between Sol and Reede. A trilateral with Sol, Reede and Venn was proposed.');
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([
      ['Mira Sol+Tomas Reede', 'planned'],
      ['Arlo Venn+Mira Sol+Tomas Reede', 'proposed'],
    ]);
  });

  it('"it was A, not B, who spoke with C": held for A, not held for B', () => {
    const r = rows('It was Reede, not Venn, who spoke with Sol.');
    expect(r.rows.map((x) => [x.participants, x.status])).toEqual([
      ['Mira Sol+Tomas Reede', 'held'],
      ['Arlo Venn+Mira Sol', 'not_held'],
    ]);
  });

  it('a standalone cue speaks of the salient event', () => {
    const r = rows('Venn said Sol agreed to a summit with him and Reede. Sol said nothing was agreed.', [
      { content: 'nothing was agreed', speaker: 'Mira Sol' },
    ]);
    expect(r.rows.map((x) => x.status)).toContain('not_agreed');
  });

  it('place: a capitalized "in X" after the trigger', () => {
    expect(rows('Venn will meet Sol in Ostrava Bay next month.').places).toEqual(['Ostrava Bay']);
    expect(rows('Venn will meet Sol in June.').places).toEqual([null]);
  });

  // France is in the gazetteer: a country, a party only where it is named as one.
  it.each([
    ['Venn called off the summit with France.', ['Arlo Venn+France']],
    ['Venn will meet Sol in France.', ['Arlo Venn+Mira Sol']],
    ['Venn held a call dedicated to the war in France.', []],
  ])('a country as a party: %s', (text, parts) => {
    expect(rows(text, [], { France: { type: 'place' } }).rows.map((r) => r.participants)).toEqual(parts);
  });
});


describe('events: whom a statement is told to takes no part', () => {
  // The whole per-document pipeline, so that attribution finds the addressee.
  const partiesOf = (text: string): string[][] => {
    const d = analyzeDoc(buildDoc({ source: 'told.txt', bytes: Buffer.from(text), format: 'txt' }));
    const name = new Map(d.locals.map((l) => [l.id, l.name]));
    return d.eventMentions.map((m) => m.participants.map((p) => name.get(p) ?? p).sort());
  };

  it.each([
    ['Harbour talks\nMarch 3, 2031\n\n"I am ready to meet Tomas Reede when there is something to sign," Ada Brill told reporters during a visit to a shipyard in Halvik.', 'reporters'],
    ['Harbour talks\nMarch 3, 2031\n\n"I am ready to meet Tomas Reede when there is something to sign," Ada Brill assured lawmakers during a visit to a shipyard in Halvik.', 'lawmakers'],
  ])('%s', (text, listener) => {
    const parties = partiesOf(text);
    expect(parties.length).toBeGreaterThan(0);
    for (const p of parties) expect(p.join(' ')).not.toMatch(new RegExp(listener, 'i'));
  });
});
