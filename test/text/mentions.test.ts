import { describe, it, expect } from 'vitest';
import { analyse } from '../attribution/helpers.js';

const mentionsOf = (text: string) => {
  const doc = analyse(text);
  return doc.mentions.map((m) => ({ text: doc.text.slice(m.span.start, m.span.end), kind: m.kind, type: m.type, key: m.key, roles: m.roles, affiliation: m.affiliation }));
};

describe('findMentions', () => {
  it('reads titles, affiliation and the name from a capitalized sequence', () => {
    const [m] = mentionsOf('Norvish Foreign Minister Ida Marr arrived late.');
    expect(m).toMatchObject({ text: 'Norvish Foreign Minister Ida Marr', kind: 'name', type: 'person', key: 'ida mar', roles: ['foreign minister'] });
  });
  it('maps a demonym affiliation to its country and an institution to its name', () => {
    const ms = mentionsOf('Russian President Olek Ternov met White House Press Secretary Ada Vell.');
    expect(ms.map((m) => [m.key, m.affiliation, m.roles[0]])).toEqual([
      ['olek ternov', 'Russia', 'president'],
      ['ada vel', 'White House', 'press secretary'],
    ]);
  });
  it('joins a lower-case role before a name', () => {
    const [m] = mentionsOf('The talks ended, spokeswoman Ada Vell told the crowd.').filter((x) => x.key === 'ada vel');
    expect(m).toMatchObject({ type: 'person', roles: ['spokeswoman'] });
  });
  it.each([
    ['a White House official', 'anonymous', 'person'],
    ['two officials familiar with the matter', 'anonymous', 'group'],
    ['the spokeswoman', 'description', 'person'],
    ['Norvish officials', 'description', 'group'],
  ])('description %s', (phrase, kind, type) => {
    const ms = mentionsOf(`Yesterday ${phrase} spoke.`);
    expect(ms.find((m) => m.text.endsWith(phrase.split(' ').pop()!))).toMatchObject({ kind, type });
  });
  it('types institutions, countries and organizations', () => {
    const ms = mentionsOf('The Kremlin, Ukraine and Brannock Holdings were named.');
    expect(ms.map((m) => [m.text, m.type])).toEqual([
      ['Kremlin', 'organization'],
      ['Ukraine', 'place'],
      ['Brannock Holdings', 'organization'],
    ]);
  });
  it('types a forum named by its last word as an organization, not a person', () => {
    const ms = mentionsOf('The ministers met at the Northern Rim Economic Cooperation forum and the Kelmar Security Conference.');
    expect(ms.filter((m) => m.kind === 'name').map((m) => [m.text, m.type])).toEqual([
      ['Northern Rim Economic Cooperation', 'organization'],
      ['Kelmar Security Conference', 'organization'],
    ]);
  });
  it('does not take sentence openers, months or lone demonyms for names', () => {
    const ms = mentionsOf('Meanwhile, on Oct. 3 the Danish crew left.');
    expect(ms.filter((m) => m.kind === 'name')).toEqual([]);
  });
  it('finds pronouns', () => {
    expect(mentionsOf('She said they agreed.').map((m) => m.kind)).toEqual(['pronoun', 'pronoun']);
  });
  it.each([
    // A dash of two after a dateline's agency opens the story: the name after it is whole.
    ['Kelmar, May 2 (Brill Wire)--Ardent Foods Corp. said it was confident.', 'Ardent Foods Corp'],
    // "Shareholders of X": a role that is no title, then "of", says who; X is the name.
    ['Kelmar, May 2 (Brill Wire)--Shareholders of Quill Motors Corp. approved the plan.', 'Quill Motors Corp'],
  ])('dateline: %s', (text, name) => {
    expect(mentionsOf(text).map((m) => m.text)).toContain(name);
  });
});
