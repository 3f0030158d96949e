import { describe, it, expect } from 'vitest';
import { analyse } from '../attribution/helpers.js';

const localOf = (text: string, phrase: string, nth = 0) => {
  const doc = analyse(text);
  const ms = doc.mentions.filter((m) => doc.text.slice(m.span.start, m.span.end) === phrase);
  const m = ms[nth];
  return doc.locals.find((l) => l.id === m?.local) ?? null;
};

describe('resolveLocal', () => {
  it('merges a full name, the surname and "Ms." + surname', () => {
    const text = 'Ada Vell arrived. Vell spoke first. Ms. Vell left.';
    const doc = analyse(text);
    const ids = new Set(doc.mentions.filter((m) => m.kind === 'name').map((m) => m.local));
    expect(ids.size).toBe(1);
    expect(doc.locals[0]).toMatchObject({ name: 'Ada Vell', type: 'person', aliases: ['Ada Vell', 'Vell', 'Ms. Vell'] });
  });
  it.each([
    // [text, a full name, a name written with initials that do not fit it]
    ['Ardent Steel said it would buy the mill. Later, U. K. Steel said its board agreed.', 'Ardent Steel', 'U. K. Steel'],
    ['Brix Foods made an offer on Monday. On Tuesday, the board of R. J. Foods said it would refuse.', 'Brix Foods', 'R. J. Foods'],
  ])('a name with initials joins no full name whose first letter differs: %s', (text, full, initials) => {
    const a = localOf(text, full);
    const b = localOf(text, initials);
    expect(a?.name).toBe(full);
    expect(b).not.toBeNull();
    expect(b?.id).not.toBe(a?.id);
  });
  it('merges a surname seen before the full name', () => {
    expect(localOf('Vell won. Later, Ada Vell thanked the crew.', 'Vell')?.name).toBe('Ada Vell');
  });
  it('resolves he/she by gender', () => {
    const text = 'Mr. Tomas Reede met spokeswoman Ada Vell. She said the pier was safe.';
    expect(localOf(text, 'She')?.name).toBe('Ada Vell');
  });
  it('resolves a pronoun to the recent speaker over a later object', () => {
    const text = 'Tomas Reede said the talks with Olek Ternov went well. He said more talks would follow.';
    expect(localOf(text, 'He')?.name).toBe('Tomas Reede');
  });
  it.each([
    // The subject of the speech verb just before: not the speaker of the whole sentence.
    ['Minister Ada Vell said Mr. Olek Ternov made clear that he is ready to sign.', 'Olek Ternov'],
    ['Tomas Reede spoke on Monday. Mr. Olek Ternov said he would travel to Talmis.', 'Olek Ternov'],
    // After a closed quotation: the person named inside it is not who speaks it.
    ['Mr. Tomas Reede landed in Talmis. "The talks with Olek Ternov went well," he said.', 'Tomas Reede'],
  ])('a pronoun after a speech verb or a quotation: %s -> %s', (text, name) => {
    expect(localOf(text, 'he')?.name).toBe(name);
  });
  it('a third-person pronoun in a speaker\'s own quotation is someone else', () => {
    const text = 'Mr. Tomas Reede said Mr. Olek Ternov had phoned him. "He\'s called," Reede said.';
    expect(localOf(text, 'He')?.name).toBe('Olek Ternov');
  });
  it('resolves a role description to the entity with that role', () => {
    const text = 'Norvish President Olek Ternov spoke on Monday. The Norvish president later left.';
    const doc = analyse(text);
    const desc = doc.mentions.find((m) => m.kind === 'description')!;
    expect(doc.locals.find((l) => l.id === desc.local)?.name).toBe('Olek Ternov');
  });
  it('joins an appositive description to its name', () => {
    const text = 'Ida Marr, the club chairwoman, said the striker would stay.';
    const doc = analyse(text);
    const [name, desc] = doc.mentions;
    expect(desc!.local).toBe(name!.local);
    expect(doc.locals[0]!.roles).toContain('chairwoman');
  });
  it('sets the statement speaker local and keeps the addressee apart', () => {
    const doc = analyse('Ida Marr told Tomas Reede that the deal was off.');
    const s = doc.statements[0]!;
    expect(doc.locals.find((l) => l.id === s.speaker.local)?.name).toBe('Ida Marr');
    expect(doc.locals.find((l) => l.id === s.addressee?.local)?.name).toBe('Tomas Reede');
  });
});
