import { describe, expect, it } from 'vitest';
import { makeDoc, claimRows } from '../fixture.js';
import { people } from '../people.js';
import { extractEvents } from '../../../src/events/index.js';

function statusOf(text: string): Array<[string, string]> {
  const d = makeDoc(text, { entities: people });
  extractEvents(d);
  return claimRows(d).map((r) => [r.status, r.modality]);
}

function placedRows(text: string): Array<[string, string, string]> {
  const d = makeDoc(text, { entities: people });
  extractEvents(d);
  return claimRows(d).map((r) => [r.type, r.participants, r.status]);
}

describe('events/rules/status: one cue per status', () => {
  it.each([
    ['Venn agreed to meet Sol next month.', 'agreed', 'asserted'],
    ['Sol has committed to sitting down with Venn.', 'agreed', 'asserted'],
    ['Venn plans to meet with Sol in the spring.', 'planned', 'asserted'],
    ['Venn made a quick agreement with Sol on Monday.', 'agreed', 'asserted'],
    ['A summit between Venn and Sol is scheduled for June.', 'planned', 'asserted'],
    ['The meeting between Venn and Sol is being held at the request of Norland.', 'planned', 'asserted'],
    ['Venn said he would speak again by telephone with Sol next month.', 'planned', 'asserted'],
    ['There were now no plans for a meeting between Venn and Sol "in the immediate future."', 'postponed', 'asserted'],
    ['Venn is arranging a meeting between Sol and Reede.', 'planned', 'asserted'],
    ['Venn will meet Sol on Friday.', 'planned', 'asserted'],
    ['Venn proposed a summit with Sol.', 'proposed', 'asserted'],
    ['Venn is open to meeting with Sol.', 'proposed', 'asserted'],
    ['Venn wants to meet Sol soon.', 'proposed', 'asserted'],
    ['Venn met Sol on Monday.', 'held', 'asserted'],
    ['The talks between Venn and Sol took place in the capital.', 'held', 'asserted'],
    ['Venn said the call with Sol was "very productive."', 'held', 'asserted'],
    ['The talks between Venn and Sol were in-depth and candid.', 'held', 'asserted'],
    ['Venn and Sol reached a consensus at the end of their meeting in Kelmar.', 'held', 'asserted'],
    ['Venn spoke with Sol by phone.', 'held', 'asserted'],
    ['Venn had spoken on the phone to Sol.', 'held', 'asserted'],
    ['Venn phoned Sol late on Sunday.', 'held', 'asserted'],
    ['Venn spoke again with Sol on Tuesday.', 'held', 'asserted'],
    ['Venn had a highly productive meeting with Sol.', 'held', 'asserted'],
    ['Venn and Sol will determine the timing of the conversation later.', 'planned', 'asserted'],
    ['The summit between Venn and Sol was postponed.', 'postponed', 'asserted'],
    ['The meeting between Venn and Sol was put off until autumn.', 'postponed', 'asserted'],
    ['The summit between Venn and Sol is on hold.', 'postponed', 'asserted'],
    ['The summit between Venn and Sol was called off.', 'cancelled', 'asserted'],
    ['The talks between Venn and Sol were scrapped.', 'cancelled', 'asserted'],
    ['A meeting between Venn and Sol could happen, aides said.', 'possible', 'hedged'],
    ['There is always a chance of a summit between Venn and Sol.', 'possible', 'asserted'],
    ['A summit between Venn and Sol is unlikely this year.', 'unlikely', 'asserted'],
    ['A deal between Quill Motors and Brenner Works was terminated.', 'cancelled', 'asserted'],
    ['A truce between Norland and Ostrava Bay was agreed.', 'agreed', 'asserted'],
    // Stories of deals and truces on and off.
    ['Quill Motors walked away from its bid for Brenner Works.', 'cancelled', 'asserted'],
    ['The deal between Quill Motors and Brenner Works fell through.', 'cancelled', 'asserted'],
    ['The takeover of Brenner Works by Quill Motors is back on.', 'planned', 'asserted'],
    ['Quill Motors is in talks to buy Brenner Works.', 'proposed', 'asserted'],
    ['Quill Motors signed a deal with Brenner Works on Sunday.', 'agreed', 'asserted'],
    ['A truce between Norland and Ostrava Bay took effect at noon.', 'held', 'asserted'],
    ['Venn would meet Sol on the sidelines of the forum.', 'planned', 'asserted'],
    ['Venn is going to have a very long meeting with Sol.', 'planned', 'asserted'],
    ['Venn had very productive talks with Sol.', 'held', 'asserted'],
    ['Following a weekend of negotiations between Venn and Sol, markets rose.', 'held', 'asserted'],
    ['Venn has held no talks with Sol.', 'not_held', 'asserted'],
    ['There have been no talks between Venn and Sol.', 'not_held', 'asserted'],
    ['Venn said the agreement with Sol was reached on Sunday.', 'agreed', 'asserted'],
    ['Venn reportedly met Sol on Monday.', 'held', 'asserted'],
    ['Quill Motors would no longer buy Brenner Works as planned.', 'unlikely', 'asserted'],
  ])('%s -> %s', (text, status, modality) => {
    expect(statusOf(text)).toEqual([[status, modality]]);
  });
});

describe('events/rules/status: negation', () => {
  it.each([
    ['Sol did not firmly agree to a meeting with Venn.', 'not_agreed'],
    ['Sol did not agree to meet Venn.', 'not_agreed'],
    ["Sol didn't agree to meet Venn.", 'not_agreed'],
    ['The summit between Venn and Sol was never finalized.', 'not_agreed'],
    ['The summit between Venn and Sol was never really finalized.', 'not_agreed'],
    ['There is no meeting planned between Venn and Sol.', 'not_agreed'],
    ['Venn no longer planned to meet Sol in the immediate future.', 'postponed'],
    ['A meeting between Venn and Sol is not completely off the table.', 'possible'],
    ['Venn did not meet Sol.', 'not_held'],
    ['Sol is not ready at all for a summit with Venn.', 'unlikely'],
  ])('%s -> %s', (text, status) => {
    expect(statusOf(text).map((r) => r[0])).toEqual([status]);
  });

  // Only a negated past denies that a meeting took place; a future or conditional one does not.
  it.each([
    ['Venn has never spoken to Sol.', ['not_held']],
    ['Venn will sanction Norland if Venn and Sol do not meet.', []],
    ["I don't know that Venn and Sol will meet.", ['possible']],
    ['Reede is not sure Venn will meet Sol.', ['possible']],
    ['Venn expressed uncertainty about a summit with Sol.', ['possible']],
    // "without" negates no plan: "a meeting without preparations" is a hypothetical.
    ['A meeting between Venn and Sol without any preparations would be pointless.', ['unlikely']],
    ['Venn left Norland without agreeing to a meeting with Sol.', ['not_agreed']],
  ])('negation of the past, uncertainty: %s -> %j', (text, statuses) => {
    expect(statusOf(text).map((r) => r[0])).toEqual(statuses);
  });

  // A verb of denial negates what it governs; a denied event with no status of its own is denied outright.
  it.each([
    ['Quill Motors denied that a takeover of Brenner Works had been agreed.', [['deal', 'not_agreed']]],
    ['Brenner Works dismissed reports of a deal with Quill Motors.', [['deal', 'not_agreed']]],
    ['Venn denied that he had met Sol.', [['meeting', 'not_held']]],
    ['Venn denied reports of conversations with Sol.', [['call', 'not_held']]],
    ['Venn denied that the summit with Sol was never agreed.', []],
  ])('denial: %s', (text, rowsWanted) => {
    const d = makeDoc(text, { entities: people });
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.type, r.status])).toEqual(rowsWanted);
  });

  it('the content of a statement whose cue is a verb of denial is negated', () => {
    const text = 'Sol denied that a summit between Venn and Reede had been agreed.';
    const d = makeDoc(text, { entities: people, statements: [{ content: 'a summit between Venn and Reede had been agreed', speaker: 'Mira Sol' }] });
    d.statements[0]!.cue = { start: text.indexOf('denied'), end: text.indexOf('denied') + 6, rule: 'test' };
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.status, r.source])).toEqual([['not_agreed', 'Mira Sol']]);
  });

  it('a cue may straddle the start of a reported clause: "announced plans for"', () => {
    const d = makeDoc('Reede announced plans for a meeting between Venn and Sol.', { entities: people, statements: [{ content: 'plans for a meeting between Venn and Sol', speaker: 'Tomas Reede' }] });
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.status, r.participants, r.source])).toEqual([['planned', 'Arlo Venn+Mira Sol', 'Tomas Reede']]);
  });

  it('a denial of the premise: cannot be cancelled because it was never agreed', () => {
    expect(statusOf('The summit between Venn and Sol cannot be cancelled because it was never agreed.').map((r) => r[0])).toEqual(['not_agreed']);
    expect(statusOf('The summit between Venn and Sol could not have been postponed because it was never finalized.').map((r) => r[0])).toEqual(['not_agreed']);
  });
});

describe('events/rules/status: modality', () => {
  it.each([
    ['Venn could meet Sol next week.', 'possible', 'hedged'],
    ['Venn might meet Sol next week.', 'possible', 'hedged'],
    ['Venn sort of agreed to a meeting with Sol.', 'proposed', 'hedged'],
    // A word of doubt weakens a doubt too, across a comma; an evidential "seems" states one.
    ["Venn said that maybe somebody will say, 'I don't want to meet Sol.'", 'possible', 'hedged'],
    ['Venn said there seems to be no reason to meet Sol.', 'unlikely', 'hedged'],
    // A colloquial "sort of" leaves a plan a plan.
    ['Venn said he sort of set up a meeting with Sol for June.', 'planned', 'hedged'],
    ['Venn may have agreed to meet Sol.', 'proposed', 'hedged'],
    ['If the talks go well, Venn will meet Sol in June.', 'possible', 'conditional'],
    ['Venn is ready to meet Sol, provided there is an agenda.', 'proposed', 'asserted'],
    ['A summit between Venn and Sol will not happen unless Norland gives way.', 'unlikely', 'conditional'],
    ['Venn wrote a post making it sound as if he spoke with Sol.', 'held', 'asserted'],
  ])('%s -> %s (%s)', (text, status, modality) => {
    expect(statusOf(text)).toEqual([[status, modality]]);
  });

  it.each(['Will Venn meet Sol next week?', 'Did Sol agree to a summit with Venn?', '"Did Sol agree to a summit with Venn?" asked a reporter.', 'Aides argued over whether there was ever a commitment to a summit between Venn and Sol.'])('a question asserts nothing: %s', (text) => {
    expect(statusOf(text)).toEqual([]);
  });

  it('words of an earlier cue do not negate the next: "no longer planned to meet"', () => {
    expect(statusOf('Mr. Venn no longer plans to meet Ms. Sol.').map((r) => r[0])).toEqual(['postponed']);
    expect(statusOf('Venn will not meet Sol this month.').map((r) => r[0])).toEqual(['postponed']);
  });

  it('a trigger without a status cue makes no claim', () => {
    expect(statusOf('The summit between Venn and Sol dominated the news.')).toEqual([]);
  });
});

describe('events: a bare "call" names a call only after a determiner', () => {
  it('"the call lasted an hour" is the call named before; "a call for calm" is none', () => {
    const d = makeDoc('Venn phoned Sol on Monday. The call lasted an hour. Reede issued a call for calm.', { entities: people });
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.participants, r.status, r.text])).toEqual([
      ['Arlo Venn+Mira Sol', 'held', 'Venn phoned Sol on Monday'],
      ['Arlo Venn+Mira Sol', 'held', 'The call lasted an hour'],
    ]);
  });
});

describe('events: a trigger word used as an adjective', () => {
  it('"the bilateral relationship" names no meeting', () => {
    const d = makeDoc('Venn and Sol want to repair the bilateral relationship.', { entities: people });
    extractEvents(d);
    expect(d.eventMentions.filter((m) => m.type === 'meeting')).toEqual([]);
  });
});

describe('events/clause: ", let alone" opens a clause of its own, and negates it', () => {
  it.each([
    ['Sol has not met Venn, let alone reached an agreement between Sol and Venn.', [['not_held', 'asserted'], ['not_agreed', 'asserted']]],
    ['There have been no talks between Sol and Venn, let alone any agreement between Sol and Venn.', [['not_held', 'asserted'], ['not_agreed', 'asserted']]],
  ])('%s', (text, want) => {
    expect(statusOf(text)).toEqual(want);
  });
});

describe('events/refiners/let-alone: the clause after "let alone" has the parties of the one before', () => {
  it.each([
    ['Sol and Venn have not held talks, let alone reached an agreement.', [['meeting', 'Arlo Venn+Mira Sol', 'not_held'], ['deal', 'Arlo Venn+Mira Sol', 'not_agreed']]],
    ['There have been no talks between Sol and Venn, let alone any agreement.', [['meeting', 'Arlo Venn+Mira Sol', 'not_held'], ['deal', 'Arlo Venn+Mira Sol', 'not_agreed']]],
  ])('%s', (text, want) => {
    expect(placedRows(text)).toEqual(want);
  });
});

describe('events/rules/status: a lemma gap holds no preposition', () => {
  it.each([
    ['Venn made a quick deal with Sol on Monday.', [['agreed', 'asserted']]],
    ['Venn warned that gains made since the agreement between Venn and Sol could be lost.', []],
  ])('%s', (text, want) => {
    expect(statusOf(text)).toEqual(want);
  });
});

describe('events/clause: "until" opens a clause of its own', () => {
  it('a cue before "until" does not rate the event after it', () => {
    expect(statusOf('Nothing is agreed until Venn speaks with Sol.')).toEqual([]);
  });
});

describe('events/rules/status: a cue in another sense', () => {
  it.each([
    ['Sol offered a sterner take on the talks with Venn.', []],
    ['Sol offered condolences to Venn at the summit.', []],
    ['Sol offered talks with Venn.', [['proposed', 'asserted']]],
    // A denial of a denial asserts nothing we can record.
    ["Venn denied Norland's claims that he had not held talks with Sol.", []],
    ['"We want to make sure there is an outcome out of the meeting with Sol," Venn said.', []],
    ['Venn said he stands by the fact that the agreement with Sol was lawful.', []],
    ['Venn said he stands by the agreement with Sol.', [['agreed', 'asserted']]],
  ])('%s', (text, want) => {
    expect(statusOf(text)).toEqual(want);
  });
});

describe('events/rules/status: a hedged cancellation', () => {
  it('"might yet be cancelled" leaves the event possible', () => {
    expect(statusOf('The summit between Venn and Sol might yet be cancelled.')).toEqual([['possible', 'hedged']]);
  });
});
