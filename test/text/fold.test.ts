import { describe, it, expect } from 'vitest';
import { fold, nameKey, slug } from '../../src/text/fold.js';

describe('nameKey folds spellings of one name together', () => {
  it.each([
    ['Bohdan Kravetskyy', 'Bohdan Kravetskiy'],
    ['Bohdan Kravetski', 'Bohdan Kravetsky'],
    ['Aleksey Ternov', 'Aleksei Ternov'],
    ['Camilla Hartt', 'Kamilla Hart'],
    ['Ilse J. Marr', 'Ilse Marr'],
    ['José Añez', 'Jose Anez'],
  ])('%s = %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
  it('keeps different names apart', () => {
    expect(nameKey('Ilse Marr')).not.toBe(nameKey('Ilse Mark'));
  });
  it('folds case, accents, possessives and punctuation', () => {
    expect(fold('The Mayor’s “Office”')).toBe('the mayor office');
    expect(slug('Ida Marr-Venn')).toBe('ida-marr-venn');
  });
});
