import { describe, it, expect, afterEach } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { analyse } from '../attribution/helpers.js';
import { canonicalize } from '../../src/entities/index.js';
import { companyName } from '../../src/entities/canonical.js';
import { mentionLexicon } from '../../src/text/mentions/lexicon.js';
import { useLexiconFiles } from '../../src/core/lexicon.js';

const entities = (...texts: string[]) => canonicalize(texts.map((t) => analyse(t)));
const byName = (c: ReturnType<typeof canonicalize>, name: string) => c.entities.find((e) => e.name === name || e.aliases.includes(name));

describe('canonicalize', () => {
  afterEach(() => useLexiconFiles([]));

  it('merges transliteration variants and a surname across documents', () => {
    const c = entities('Bohdan Kravetskyy spoke.', 'Bohdan Kravetskiy spoke again.', 'Kravetsky left.');
    const persons = c.entities.filter((e) => e.type === 'person');
    expect(persons).toHaveLength(1);
    expect(persons[0]!.aliases.sort()).toEqual(['Bohdan Kravetskiy', 'Kravetsky'].filter((a) => a !== persons[0]!.name).concat(persons[0]!.name === 'Bohdan Kravetskyy' ? [] : ['Bohdan Kravetskyy']).sort());
  });
  it('merges close first-name spellings with one surname', () => {
    const c = entities('Camilla Hartwell spoke.', 'Kamila Hartwell spoke.');
    expect(c.entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });
  it('gives a press secretary of the White House the chain up to the US government', () => {
    const c = entities('White House Press Secretary Ada Vell said the visit was on.', 'The White House said the visit was on.');
    expect(byName(c, 'Ada Vell')).toMatchObject({ affiliation: ['White House', 'United States government'], side: 'United States government' });
    expect(byName(c, 'White House')).toMatchObject({ affiliation: ['United States government'], side: 'United States government' });
  });
  it('puts a minister of a country in its government, and a speaking capital too', () => {
    const c = entities('Russian Foreign Minister Olek Ternov said the plan was dead. Moscow said the talks were over.');
    expect(byName(c, 'Olek Ternov')?.side).toBe('Russian government');
    expect(byName(c, 'Moscow')).toMatchObject({ name: 'Russian government', side: 'Russian government' });
  });
  it('maps each local to its entity with stable ids', () => {
    const a = entities('Ida Marr said the truce held.');
    const b = entities('Ida Marr said the truce held.');
    expect(a.entities.map((e) => e.id)).toEqual(b.entities.map((e) => e.id));
    expect(byName(a, 'Ida Marr')!.id).toBe('e-ida-marr');
    const [doc] = [...a.entityOf.values()];
    expect([...doc!.values()]).toContain('e-ida-marr');
  });
  it('applies user overrides: merge, rename and affiliation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-'));
    const file = join(dir, 'over.yml');
    writeFileSync(file, 'entity-overrides:\n  - id: harbour\n    name: Brill Harbour Board\n    merge: [Harbour Board, Brill Port Authority]\n    affiliation: [Brill city government]\n');
    useLexiconFiles([file]);
    const c = entities('The Harbour Board said the pier was safe.', 'Brill Port Authority denied it.');
    const e = byName(c, 'Brill Harbour Board');
    expect(e).toMatchObject({ name: 'Brill Harbour Board', side: 'Brill city government' });
    expect(c.entities.filter((x) => x.name === 'Brill Harbour Board')).toHaveLength(1);
  });
});

describe('canonicalize: one company, one described person', () => {
  it.each([
    ['Ardent Foods Corp.', 'Ardent Foods'],
    ['Ardent Foods Inc', 'Ardent Foods'],
    ['U.S. Halvar', 'United States Halvar'],
    ['US Halvar', 'United States Halvar'],
    ['U. S. Halvar', 'United States Halvar'],
    ['United States Halvar Corporation', 'United States Halvar'],
    ['Ardent Holdings', 'Ardent Holdings'],
    // A company's country after "of" is no part of its name; an institution's is.
    ['Ardent Foods of Norway', 'Ardent Foods'],
    ['Central Bank of Norway', 'Central Bank of Norway'],
  ])('companyName(%s) = %s', (name, want) => {
    expect(companyName(name, mentionLexicon())).toBe(want);
  });

  it('a company is one across articles whatever its legal form and country abbreviation', () => {
    const c = entities('Halvar Steel Corp. said the plant would stay open.', 'U.S. Halvar Steel said the plant would stay open.', 'United States Halvar Steel Corporation said so too.', 'Halvar Steel said it agreed.');
    const orgs = c.entities.filter((e) => /Halvar/.test(e.name));
    expect(orgs.map((e) => e.type)).toEqual(['organization', 'organization']);
  });

  it('the role may come from another article: "Ilse Varga" here, "Norvian President Ilse Varga" there', () => {
    const c = entities('Norvian President Ilse Varga spoke on Monday.', 'Ilse Varga of Norvia arrived late. The Norvian leader said the talks had gone well.');
    expect(c.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Ilse Varga']);
  });

  it('"the Norvian leader" is the Norvian president the same article names', () => {
    const c = entities('Norvian President Ilse Varga spoke on Monday. The Norvian leader said the talks had gone well.');
    expect(c.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Ilse Varga']);
  });
});

describe('canonicalize: a company named by its first word', () => {
  it('"Ardent" is the company of that first word the story names far more often', () => {
    const c = entities('Ardent Foods Corp. said the plant would stay open.', 'Ardent Foods Corp. cut prices.', 'Ardent Foods Corp. hired staff.', 'Ardent Radio Corp. played music.', 'Ardent said it would keep bidding.');
    expect(c.entities.filter((e) => /Ardent/.test(e.name)).map((e) => e.name).sort()).toEqual(['Ardent Foods Corp', 'Ardent Radio Corp']);
  });

  it('"Ardent" is Ardent Foods when no other company starts so', () => {
    const c = entities('Ardent Foods Corp. said the plant would stay open.', 'Ardent said it would keep bidding.');
    expect(c.entities.filter((e) => /Ardent/.test(e.name)).map((e) => e.type)).toEqual(['organization']);
  });
});
