import { describe, expect, it } from 'vitest';
import { makeDoc, claimRows, type FixtureStatement } from '../fixture.js';
import { people } from '../people.js';
import { extractEvents } from '../../../src/events/index.js';
import { analyzeDoc } from '../../../src/pipeline.js';
import { buildDoc } from '../../../src/clean/index.js';

function rows(text: string, statements: FixtureStatement[] = []) {
  const d = makeDoc(text, { entities: { ...people, 'Dorn Pike': { aliases: ['Pike'] }, leaders: { type: 'group' } }, statements });
  extractEvents(d);
  return claimRows(d).map((r) => [r.type, r.participants, r.status, r.source ?? 'narrator']);
}

describe('events: a cue belongs to the nearest event of its clause', () => {
  it.each([
    // the call is where the agreement was reported, not what was agreed
    ['Sol agreed to a summit with Venn during a phone call with Reede.', [['meeting', 'Arlo Venn+Mira Sol', 'agreed', 'narrator']]],
    // a potential meeting is a topic, and "during a call" adds no status to the call
    ['Venn discussed the potential summit with Sol during a call with Reede.', []],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('events: clauses', () => {
  it.each([
    // a second verb phrase ('," and', "and at least delayed") is its own clause
    ['Sol said the talks with Venn went well," and Reede also refused to commit to a truce.', 'went well'],
    ['Venn asked for the call with Sol and at least delayed the vote.', null],
    // a relative clause on a place
    ['Reede made a visit to Norland, where he met with Sol and Venn.', 'met'],
  ])('%s', (text, cue) => {
    const r = rows(text);
    if (cue === null) expect(r).toEqual([]);
    else expect(r.length).toBeGreaterThan(0);
  });
});

describe('events: weak words are no status', () => {
  it.each([
    'Venn called the meeting with Sol productive.',
    'Venn is weighing the possibility of a summit with Sol.',
    'Shares rose on talk of a possible summit between Venn and Sol.',
  ])('narration: %s', (text) => {
    expect(rows(text)).toEqual([]);
  });

  it('in a source\'s words "a possible meeting" is that source\'s hedge', () => {
    expect(rows('Marr said they awaited signals on a possible meeting between Venn and Sol.', [{ content: 'they awaited signals on a possible meeting between Venn and Sol', speaker: 'Ilse Marr' }])).toEqual([
      ['meeting', 'Arlo Venn+Mira Sol', 'possible', 'Ilse Marr'],
    ]);
  });

  it('"open to the possibility of meeting": the proposal wins over the weak word', () => {
    expect(rows('Marr said Venn is open to the possibility of meeting with Sol.', [{ content: 'Venn is open to the possibility of meeting with Sol', speaker: 'Ilse Marr' }]).map((r) => r[2])).toEqual(['proposed']);
  });
});

describe('events: group references', () => {
  it.each([
    ['Venn plans to meet Sol. Reede said he set up a meeting between the two leaders.', 'Arlo Venn+Mira Sol'],
    ['Venn spoke with Sol on Sunday. Aides said both sides agreed to meet again.', 'Arlo Venn+Mira Sol'],
    // "the two carmakers" are companies: the meeting of two people before them is not theirs.
    ['Quill Motors agreed to buy Brenner Works. Venn met Sol on Monday. Reede blocked the deal between the two carmakers.', 'Brenner Works+Quill Motors'],
  ])('%s', (text, parties) => {
    const r = rows(text);
    expect(r[r.length - 1]![1]).toBe(parties);
  });

  it('"the two nations" stand for countries: the call of two people before them is not theirs', () => {
    const r = rows('Venn spoke with Sol on Sunday. Aides said the two nations would hold talks in May.');
    expect(r.filter((x) => x[0] === 'meeting' && x[1] === 'Arlo Venn+Mira Sol')).toEqual([]);
  });

  it('"As far as I know, there has been no call": the speaker is no party of it', () => {
    const content = 'As far as I know, there has been no call between the two leaders since';
    const r = rows(`Venn met Sol in May. "${content}," Reede said.`, [{ content, speaker: 'Tomas Reede' }]);
    expect(r[r.length - 1]!.slice(0, 3)).toEqual(['call', 'Arlo Venn+Mira Sol', 'not_held']);
  });

  it('a group phrase with no event before it to stand for is no party of its own', () => {
    const d = makeDoc('The two leaders are preparing a summit with Sol.', { entities: { ...people, leaders: { type: 'group' } } });
    extractEvents(d);
    expect(d.eventMentions.flatMap((m) => m.participants)).not.toContain('leaders');
  });

  it('"a deal with B, the two governments …", said by A: A and B, and "the deal" later points back to them', () => {
    const text = [
      'Port talks',
      'May 3, 2031',
      '',
      'Ten days after Talmia announced a port access deal with Vessaria, the two governments are still negotiating and no signing date has been set.',
      'Talmian Prime Minister Jon Adler said on Sept. 30 that the deal had been agreed. Vessaria said last week that no agreement had been reached. Vessarian Foreign Minister Lea Strand did not comment.',
    ].join('\n');
    const d = analyzeDoc(buildDoc({ source: 'talks.txt', bytes: Buffer.from(text), format: 'txt' } as Parameters<typeof buildDoc>[0]));
    const name = (id: string) => d.locals.find((l) => l.id === id)?.name;
    const claims = d.claims.map((c) => [d.eventMentions.find((m) => m.id === c.eventMention)!.participants.map(name).sort().join('+'), c.status]);
    expect(claims).toEqual([
      ['Talmia+Vessaria', 'proposed'],
      ['Talmia+Vessaria', 'agreed'],
      ['Talmia+Vessaria', 'not_agreed'],
    ]);
  });

  it('the pair named most often is the salient one', () => {
    const r = rows('Venn is arranging a summit between Sol and Reede. Sol agreed to meet Reede. After his talks with Marr, Venn said he set up a meeting between the two leaders.');
    expect(r[r.length - 1]!.slice(1, 3)).toEqual(['Mira Sol+Tomas Reede', 'planned']);
  });
});

describe('events: whose claim', () => {
  it('"X refused to commit to a meeting": X\'s claim about the meeting talked about', () => {
    const r = rows('Venn said Sol had agreed to meet Reede. Marr also refused to commit to a meeting.', [{ content: 'Sol had agreed to meet Reede', speaker: 'Arlo Venn' }]);
    expect(r).toEqual([
      ['meeting', 'Mira Sol+Tomas Reede', 'agreed', 'Arlo Venn'],
      ['meeting', 'Mira Sol+Tomas Reede', 'not_agreed', 'Ilse Marr'],
    ]);
  });

  it('a refusal with its own object ("rejects these accusations") answers no event', () => {
    const r = rows('Venn said Sol had agreed to meet Reede. Marr said Norland rejects these accusations.', [
      { content: 'Sol had agreed to meet Reede', speaker: 'Arlo Venn' },
      { content: 'Norland rejects these accusations', speaker: 'Ilse Marr' },
    ]);
    expect(r).toEqual([['meeting', 'Mira Sol+Tomas Reede', 'agreed', 'Arlo Venn']]);
  });

  it('a reported "merely discussed" answers the agreement, not the call it was said after', () => {
    const r = rows('Venn said Sol had agreed to meet Reede. After the call between Venn and Sol, Marr said the two had merely discussed the idea.', [
      { content: 'Sol had agreed to meet Reede', speaker: 'Arlo Venn' },
      { content: 'the two had merely discussed the idea', speaker: 'Ilse Marr' },
    ]);
    expect(r[r.length - 1]).toEqual(['meeting', 'Mira Sol+Tomas Reede', 'not_agreed', 'Ilse Marr']);
  });

  it('"make that bilateral happen": a proposal about the bilateral named before', () => {
    const r = rows('Venn said Sol agreed to meet Reede. "We are working to make that bilateral happen," Marr said.', [
      { content: 'Sol agreed to meet Reede', speaker: 'Arlo Venn' },
      { content: 'We are working to make that bilateral happen', speaker: 'Ilse Marr' },
    ]);
    expect(r[r.length - 1]).toEqual(['meeting', 'Mira Sol+Tomas Reede', 'proposed', 'Ilse Marr']);
  });

  it('"I asked Sol": the speaker\'s own contact implies a call that was held', () => {
    expect(rows('"I really asked Sol to stop," Venn wrote.', [{ content: 'I really asked Sol to stop', speaker: 'Arlo Venn' }])).toEqual([['call', 'Arlo Venn+Mira Sol', 'held', 'Arlo Venn']]);
    // not in narration, not "told reporters", not a third person's asking
    expect(rows('Venn told reporters he asked Sol to stop.')).toEqual([]);
  });

  it('a possessor of something else is no party: "Venn\'s aides said a call with Sol was held"', () => {
    expect(rows("Venn's aides believed a meeting between Sol and Reede was postponed.").map((r) => r[1])).toEqual(['Mira Sol+Tomas Reede']);
  });
});

describe('events: negation and correction', () => {
  it('"no meeting in June had been agreed" negates the cue after the noun', () => {
    expect(rows('Venn met Sol in May. Marr said no meeting in June had been agreed.', [{ content: 'no meeting in June had been agreed', speaker: 'Ilse Marr' }]).map((r) => r[2])).toEqual(['held', 'not_agreed']);
  });

  it('"it was A, a deputy from Norland, not B, who spoke with C": held for A, not held for B', () => {
    expect(rows('It was Reede of the Norland delegation, not Venn, who spoke with Sol.').map((r) => [r[1], r[2]])).toEqual([
      ['Mira Sol+Tomas Reede', 'held'],
      ['Arlo Venn+Mira Sol', 'not_held'],
    ]);
  });
});

describe('events: "make it happen" speaks of the salient event', () => {
  it('a pronoun object: the summit named before, the speaker’s stance', () => {
    const text = 'Venn and Sol agreed to hold a summit. "We are working to make it happen," Marr said.';
    expect(rows(text, [{ content: 'We are working to make it happen', speaker: 'Ilse Marr' }])).toEqual([
      ['meeting', 'Arlo Venn+Mira Sol', 'agreed', 'narrator'],
      ['meeting', 'Arlo Venn+Mira Sol', 'proposed', 'Ilse Marr'],
    ]);
  });
});
describe('events/refiners/answered-question', () => {
  it.each([
    ['She has.', [['agreed', 'Arlo Venn+Mira Sol', 'Ilse Marr']]],
    ['Yes, she did.', [['agreed', 'Arlo Venn+Mira Sol', 'Ilse Marr']]],
    ['We will see what happens next week in the capital.', []],
  ])('"Did Sol promise to meet Venn?" answered %j', (answer, want) => {
    const text = `REEDE: Did Sol promise to meet Venn? MARR: ${answer}`;
    const d = makeDoc(text, { entities: people, statements: [{ content: 'Did Sol promise to meet Venn?', speaker: 'Tomas Reede' }, { content: answer, speaker: 'Ilse Marr' }] });
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.status, r.participants, r.source])).toEqual(want);
  });
});
