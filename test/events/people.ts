/** Invented people and places shared by the events tests. */
import type { FixtureEntity } from './fixture.js';

export const people: Record<string, FixtureEntity> = {
  'Arlo Venn': { aliases: ['Venn', 'Mr. Venn'] },
  'Mira Sol': { aliases: ['Sol', 'Ms. Sol'] },
  'Tomas Reede': { aliases: ['Reede'] },
  'Ilse Marr': { aliases: ['Marr'] },
  'Norland': { type: 'place' },
  'Ostrava Bay': { type: 'place' },
  'Quill Motors': { type: 'organization' },
  'Brenner Works': { type: 'organization' },
};
