/**
 * A transaction's parties are its own arguments (rules/arguments.ts): the possessor, the object
 * of "of"/"for" and the side after "to"/"by"/"from", not whoever else its clause names. One
 * row per reading, with the parties the document places (two or more) or, in the last column,
 * those it leaves to be completed from the story.
 */
import { describe, expect, it } from 'vitest';
import { makeDoc, claimRows, type FixtureStatement } from '../fixture.js';
import { people } from '../people.js';
import { extractEvents } from '../../../src/events/index.js';

const entities = { ...people, 'Harbour Accord': { type: 'organization' as const } };

function parties(text: string, statements: FixtureStatement[] = []): { placed: string[]; partial: string[] } {
  const d = makeDoc(text, { entities, statements });
  extractEvents(d);
  return { placed: claimRows(d).map((r) => r.participants), partial: claimRows(d, { partial: true }).map((r) => r.participants) };
}

describe('events/rules/arguments', () => {
  it.each<[string, string[], string[]]>([
    ["Quill Motors' takeover of Brenner Works was approved.", ['Brenner Works+Quill Motors'], []],
    ['The sale of Brenner Works to Quill Motors was approved.', ['Brenner Works+Quill Motors'], []],
    ['The merger of Quill Motors and Brenner Works was approved.', ['Brenner Works+Quill Motors'], []],
    ['Brenner Works accepted the merger offer from Quill Motors.', ['Brenner Works+Quill Motors'], []],
    // Whoever blocks or opposes the transaction acts on it and takes no part in it.
    ["Venn vowed to block Quill Motors' bid for Brenner Works.", ['Brenner Works+Quill Motors'], []],
    ['Venn opposed the takeover of Brenner Works.', [], ['Brenner Works']],
    ['Venn opposed the takeover.', [], ['']],
    // A country beside a company is where it comes from.
    ["Norland blocked the sale of Brenner Works to Quill Motors.", ['Brenner Works+Quill Motors'], []],
  ])('%s', (text, placed, partial) => {
    expect(parties(text)).toEqual({ placed, partial });
  });

  it("in a company's reported words, 'it' is the company", () => {
    const text = 'Quill Motors said it had agreed to buy Brenner Works.';
    expect(parties(text, [{ content: 'it had agreed to buy Brenner Works', speaker: 'Quill Motors' }]).placed).toEqual(['Brenner Works+Quill Motors']);
  });

  it('a name ending in an event word names the event, not a party', () => {
    expect(parties('Venn signed the Harbour Accord with Sol.').placed).toEqual(['Arlo Venn+Mira Sol']);
  });
});

describe('events/rules/arguments: where a company sits', () => {
  it('"Kelmar-based Brenner Works": the city is where, not who', () => {
    const more = { ...entities, Kelmar: { type: 'unknown' as const } };
    const d = makeDoc('Quill Motors agreed to buy Kelmar-based Brenner Works.', { entities: more });
    extractEvents(d);
    expect(claimRows(d).map((r) => r.participants)).toEqual(['Brenner Works+Quill Motors']);
  });
});

describe('events: a consensus is its talks\' parties', () => {
  it('a committee that failed to reach consensus takes no part in a deal', () => {
    const more = { ...entities, 'Harbour Board': { type: 'organization' as const } };
    const d = makeDoc('The Harbour Board failed to reach consensus on the risks.', { entities: more });
    extractEvents(d);
    expect([...claimRows(d), ...claimRows(d, { partial: true })].map((r) => r.participants)).toEqual([]);
  });

  it('a trade truce is a deal, not a ceasefire', () => {
    const d = makeDoc('Quill Motors and Brenner Works agreed a tariff truce.', { entities });
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.type, r.status])).toEqual([['deal', 'agreed']]);
  });
});

describe('events: a group phrase with no event before it', () => {
  const leaders = {
    'Arlo Venn': { aliases: ['Venn', 'President Venn'] },
    'Mira Sol': { aliases: ['Sol', 'President Sol'] },
    'Tomas Reede': { aliases: ['Reede'] },
  };
  it('"the two leaders" are the two leaders the article names most', () => {
    const text = 'The two leaders spoke by telephone on Monday. President Venn said it went well. President Sol agreed. Venn and Sol will meet in May. Reede said nothing.';
    const d = makeDoc(text, { entities: leaders });
    for (const l of d.locals) if (l.id !== 'Tomas Reede') l.roles.push('president');
    extractEvents(d);
    expect(claimRows(d).map((r) => [r.type, r.participants])).toContainEqual(['call', 'Arlo Venn+Mira Sol']);
  });

  it('with no two leaders named twice, it stays to be completed from the story', () => {
    const d = makeDoc('The two leaders spoke by telephone on Monday.', { entities: leaders });
    extractEvents(d);
    expect(claimRows(d, { partial: true }).map((r) => [r.type, r.participants])).toEqual([['call', '']]);
  });
});

describe('events: a noun trigger read as a verb', () => {
  it('"to deal with the issue" names no deal', () => {
    const d = makeDoc('Venn said it was important to deal with the issue together with Sol.', { entities });
    extractEvents(d);
    expect(d.eventMentions.filter((m) => m.type === 'deal')).toEqual([]);
  });
});
