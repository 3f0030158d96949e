/**
 * Countries the gazetteer does not know, found from context, and the sides that follow; one row
 * per construction. All names are invented (none from the examples/ story).
 */
import { describe, it, expect } from 'vitest';
import { analyse } from '../attribution/helpers.js';
import { canonicalize } from '../../src/entities/index.js';
import { inferCountries } from '../../src/entities/countries.js';

const entities = (...texts: string[]) => canonicalize(texts.map((t) => analyse(t)));
const byName = (c: ReturnType<typeof canonicalize>, name: string) => c.entities.find((e) => e.name === name || e.aliases.includes(name));
const localOf = (text: string, phrase: string) => {
  const doc = analyse(text);
  const m = doc.mentions.find((x) => doc.text.slice(x.span.start, x.span.end) === phrase);
  return m?.local ? doc.locals.find((l) => l.id === m.local) ?? null : null;
};

describe('inferCountries: a country from context', () => {
  const rows: Array<[string, string, string, string]> = [
    // construction, text, form looked up, government
    ['a country and its -ian adjective', 'Velmora wants a port. The Velmoran government said so.', 'velmora', 'Velmoran government'],
    ['a country in -is and its -ian adjective', 'Tarsis said no. A Tarsian official agreed.', 'tarsis', 'Tarsian government'],
    ['an -ese adjective before a title', 'Quandese Prime Minister Ilse Varo spoke.', 'quandese', 'Quandese government'],
    ['the government of X', 'The government of Brevonia denied it.', 'brevonia', 'Brevonia government'],
    ["X's prime minister", "Halvory's prime minister left early.", 'halvory', 'Halvory government'],
  ];
  it.each(rows)('%s', (_, text, form, gov) => {
    expect(inferCountries(text).get(form)?.government).toBe(gov);
  });
  it('does not take a name and a longer name for a country ("Julia", "Julian")', () => {
    expect(inferCountries('Julia Brandt met Julian Moss. Julian said hello.').size).toBe(0);
  });
});

describe('sides of a country the gazetteer does not know', () => {
  const story = [
    'Velmoran Prime Minister Ilse Varo said on Monday that his government had agreed a deal with Tarsis. "We have a deal," Varo said.',
    'Tarsis said no deal had been reached with Velmora. Piet Holm, a spokesman for the Tarsian Foreign Ministry, said talks would go on.',
    'The Velmoran government said the talks would resume. Velmora said it was hopeful.',
    'Foreign Ministry spokesman Piet Holm said the Tarsian president had not agreed.',
  ];
  const rows: Array<[string, string, string]> = [
    ['a prime minister named with the adjective', 'Ilse Varo', 'Velmoran government'],
    ['"his government" of that prime minister', 'Velmoran government', 'Velmoran government'],
    ['a country that speaks', 'Velmoran government', 'Velmoran government'],
    ['a spokesman for a ministry named with its country', 'Piet Holm', 'Tarsian government'],
    ['the ministry itself', 'Tarsian Foreign Ministry', 'Tarsian government'],
    ['the other country that speaks', 'Tarsian government', 'Tarsian government'],
  ];
  it.each(rows)('%s', (_, name, side) => {
    expect(byName(entities(...story), name)?.side).toBe(side);
  });
  it('merges "his government", "the Velmoran government" and "Velmora" speaking into one entity', () => {
    const c = entities(...story);
    const govs = c.entities.filter((e) => e.name === 'Velmoran government');
    expect(govs).toHaveLength(1);
    expect(govs[0]!.aliases).toContain('Velmora');
  });
  it('gives a government spokeswoman of the adjective the government side', () => {
    const c = entities('Velmoran government spokeswoman Ada Rusk said the deal was signed. Velmora wants a port.');
    expect(byName(c, 'Ada Rusk')?.side).toBe('Velmoran government');
  });
  it('leaves a portfolio word out of the side ("Transport Minister")', () => {
    const c = entities('Transport Minister Olga Fenn met the board.');
    expect(byName(c, 'Olga Fenn')?.side).toBe('Olga Fenn');
  });
});

describe('resolveLocal: constructions', () => {
  it('a country prefix before an institution is an affiliation ("US White House")', () => {
    const c = entities('The US White House said the call took place.', 'The White House said so too.');
    expect(c.entities.filter((e) => e.name === 'White House')).toHaveLength(1);
    expect(byName(c, 'White House')?.side).toBe('United States government');
  });
  it('a nationality description takes the person of that country ("X of Russia")', () => {
    const text = 'President Ada Vell met President Olek Ternov of Russia. Mr. Vell praised the Russian president.';
    expect(localOf(text, 'the Russian president')?.name).toBe('Olek Ternov');
  });
  it('a nationality description with no such person stands alone', () => {
    const text = 'President Ada Vell spoke. Vell then called the Russian leader.';
    expect(localOf(text, 'the Russian leader')?.name).not.toBe('Ada Vell');
  });
  it('a bare "the president" with only foreign presidents named is the sentence subject', () => {
    const text = 'Russian President Olek Ternov met Ukrainian President Ivan Dorosh. Ada Vell said on Monday that he set up the talks. Still, the president hopes for more.';
    expect(localOf(text, 'the president')?.name).toBe('Ada Vell');
  });
  it('"where he" in a clause is the person named earlier in its sentence', () => {
    const text = 'Ada Vell said the talks were useful. The news follows a visit by envoy Tom Reede to Moscow, where he met officials.';
    expect(localOf(text, 'he')?.name).toBe('Tom Reede');
  });
  it('"on its head" is no entity', () => {
    const doc = analyse('The plan turned diplomacy on its head, Ada Vell said.');
    const m = doc.mentions.find((x) => doc.text.slice(x.span.start, x.span.end) === 'its head');
    expect(m?.local ?? null).toBeNull();
  });
  it('"the two leaders" is no corpus entity', () => {
    const c = entities('Ada Vell met Olek Ternov. The two leaders agreed to talk again, officials said.');
    expect(c.entities.some((e) => e.name === 'leaders' || e.name === 'two leaders')).toBe(false);
  });
  it('"in X" and "the port of X" are places, not appositives', () => {
    const text = 'Brennar has no deal on the port of Osk, a Brennarian government spokesman said.';
    const l = localOf(text, 'a Brennarian government spokesman');
    expect(l?.name).not.toBe('Osk');
  });
});
