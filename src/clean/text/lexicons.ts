/**
 * The clean stage's knowledge, loaded from data/lexicons/ and compiled once: clutter rules
 * (clutter.yml) and the words of header lines (header-words.yml).
 */
import { z } from 'zod';
import { loadLexicon, alternation } from '../../core/lexicon.js';

const ClutterEntry = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1),
  action: z.enum(['drop', 'caption', 'end']),
  maxWords: z.number().int().positive().optional(),
  where: z.enum(['any', 'top', 'tail']).default('any'),
  caseSensitive: z.boolean().default(false),
  /** false: a rule for text copied from a page only, never run on an HTML page's paragraphs. */
  html: z.boolean().default(true),
});

const HeaderWordEntry = z.object({
  id: z.string().min(1),
  kind: z.enum(['date-word', 'byline', 'meta-key', 'section']),
  field: z.enum(['url', 'outlet', 'published', 'date', 'language', 'title', 'author']).optional(),
  forms: z.array(z.string().min(1)).min(1),
});

export interface ClutterRule {
  id: string;
  re: RegExp;
  action: 'drop' | 'caption' | 'end';
  maxWords?: number;
  where: 'any' | 'top' | 'tail';
  html: boolean;
}

export interface HeaderWords {
  /** Lower-case words that may fill a date-only line. */
  dateWords: Set<string>;
  /** `^(by|written by ...)\s+(name)$` */
  byline: RegExp;
  /** `^(key)\s*:\s*(value)$`, and the meta field of each key. */
  metaKey: RegExp;
  fieldOf: Map<string, string>;
}

let clutter: ClutterRule[] | null = null;
let header: HeaderWords | null = null;

export function clutterRules(): ClutterRule[] {
  if (clutter) return clutter;
  clutter = loadLexicon('clutter', ClutterEntry).map((e) => ({
    id: e.id,
    re: new RegExp(e.pattern, e.caseSensitive ? 'u' : 'iu'),
    action: e.action,
    maxWords: e.maxWords,
    where: e.where,
    html: e.html,
  }));
  return clutter;
}

export function headerWords(): HeaderWords {
  if (header) return header;
  const entries = loadLexicon('header-words', HeaderWordEntry);
  const dateWords = new Set(entries.filter((e) => e.kind === 'date-word').flatMap((e) => e.forms.map((f) => f.toLowerCase())));
  const bylineForms = entries.filter((e) => e.kind === 'byline').flatMap((e) => e.forms);
  const fieldOf = new Map<string, string>();
  for (const e of entries) if (e.kind === 'meta-key' && e.field) for (const f of e.forms) fieldOf.set(f.toLowerCase(), e.field);
  header = {
    dateWords,
    byline: new RegExp(`^(?:${alternation(bylineForms)})\\s*:?\\s+(\\S.{1,100})$`, 'iu'),
    metaKey: new RegExp(`^(${alternation(fieldOf.keys())})\\s*:\\s*(.*)$`, 'iu'),
    fieldOf,
  };
  return header;
}
