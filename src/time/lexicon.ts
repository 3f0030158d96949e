/**
 * The time stage's knowledge, from data/lexicons/time-*.yml, compiled once into regexes.
 * compiledLexicon (core/lexicon) builds it again when a user lexicon file changes the sources.
 */
import { z } from 'zod';
import { loadLexicon, alternation, compiledLexicon } from '../core/lexicon.js';

export const TenseEntry = z.object({
  id: z.string().min(1),
  tense: z.enum(['future', 'past']),
  forms: z.array(z.string().min(1)).min(1),
});
export const VagueEntry = z.object({
  id: z.string().min(1),
  forms: z.array(z.string().min(1)).min(1),
  type: z.enum(['DATE', 'DURATION']),
  anchor: z.enum(['future', 'past', 'present']),
  days: z.number().int().positive().optional(),
  timex: z.string().min(1),
});
export const WordEntry = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1), kind: z.literal('season'), forms: z.array(z.string()).min(1), code: z.string().regex(/^[A-Z]{2}$/), months: z.tuple([z.number().int().min(1).max(12), z.number().int().min(1).max(12)]) }),
  z.object({ id: z.string().min(1), kind: z.literal('part-of-day'), forms: z.array(z.string()).min(1), code: z.string().regex(/^[A-Z]{2}$/) }),
  z.object({ id: z.string().min(1), kind: z.literal('unit'), forms: z.array(z.string()).min(1), code: z.string().min(1), days: z.number().min(0) }),
  z.object({ id: z.string().min(1), kind: z.literal('number'), forms: z.array(z.string()).min(1), value: z.number().min(0) }),
  z.object({ id: z.string().min(1), kind: z.literal('set'), forms: z.array(z.string()).min(1), value: z.string().min(1) }),
]);
export type TenseEntry = z.infer<typeof TenseEntry>;
export type VagueEntry = z.infer<typeof VagueEntry>;
export type WordEntry = z.infer<typeof WordEntry>;

export interface UnitInfo { code: string; days: number }

export interface TimeLexicon {
  /** Future cue words, whole words, case-insensitive. Global. */
  futureRe: RegExp;
  /** Past cue words (reporting verbs, past auxiliaries). Global. */
  pastRe: RegExp;
  vagueAlt: string;
  vague: (phrase: string) => VagueEntry | undefined;
  seasonAlt: string;
  season: (word: string) => { code: string; months: [number, number] } | undefined;
  partOfDayAlt: string;
  partOfDay: (word: string) => string | undefined;
  unitAlt: string;
  unit: (word: string) => UnitInfo | undefined;
  numberAlt: string;
  number: (word: string) => number | undefined;
  setAlt: string;
  set: (phrase: string) => string | undefined;
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const words = (alt: string): RegExp => new RegExp(`(?<![\\w'])(?:${alt})(?![\\w])`, 'gi');

export const timeLexicon = compiledLexicon((): TimeLexicon => {
  const tense = loadLexicon('time-tense', TenseEntry);
  const vague = loadLexicon('time-vague', VagueEntry);
  const wordList = loadLexicon('time-words', WordEntry);

  const byForm = <T>(entries: Array<{ forms: string[] }>, value: (e: never) => T): Map<string, T> => {
    const m = new Map<string, T>();
    for (const e of entries) for (const f of e.forms) m.set(fold(f), value(e as never));
    return m;
  };
  const of = <K extends WordEntry['kind']>(k: K): Array<Extract<WordEntry, { kind: K }>> => wordList.filter((w): w is Extract<WordEntry, { kind: K }> => w.kind === k);
  const seasons = byForm(of('season'), (e: Extract<WordEntry, { kind: 'season' }>) => ({ code: e.code, months: e.months }));
  const parts = byForm(of('part-of-day'), (e: Extract<WordEntry, { kind: 'part-of-day' }>) => e.code);
  const units = byForm(of('unit'), (e: Extract<WordEntry, { kind: 'unit' }>) => ({ code: e.code, days: e.days }));
  const numbers = byForm(of('number'), (e: Extract<WordEntry, { kind: 'number' }>) => e.value);
  const sets = byForm(of('set'), (e: Extract<WordEntry, { kind: 'set' }>) => e.value);
  const vagues = byForm(vague, (e: VagueEntry) => e);

  const lex: TimeLexicon = {
    futureRe: words(alternation(tense.filter((t) => t.tense === 'future').flatMap((t) => t.forms))),
    pastRe: words(alternation(tense.filter((t) => t.tense === 'past').flatMap((t) => t.forms))),
    vagueAlt: alternation(vagues.keys()),
    vague: (p) => vagues.get(fold(p)),
    seasonAlt: alternation(seasons.keys()),
    season: (w) => seasons.get(fold(w)),
    partOfDayAlt: alternation(parts.keys()),
    partOfDay: (w) => parts.get(fold(w)),
    unitAlt: alternation(units.keys()),
    unit: (w) => units.get(fold(w)),
    numberAlt: alternation(numbers.keys()),
    number: (w) => numbers.get(fold(w)),
    setAlt: alternation(sets.keys()),
    set: (p) => sets.get(fold(p)),
  };
  return lex;
});
