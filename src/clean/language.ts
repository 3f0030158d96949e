/**
 * The language of the clean text with franc, as an ISO 639-1 code, or null when the text is
 * too short to tell. franc chooses among the languages of languages.yml only.
 */
import { franc } from 'franc';
import { z } from 'zod';
import { loadLexicon } from '../core/lexicon.js';

const LanguageEntry = z.object({ id: z.string().length(3), code: z.string().min(2).max(3) });

/** Below this many letters franc's guess is noise. */
const MIN_CHARS = 120;
/** franc is slow on long texts and a few paragraphs are enough. */
const SAMPLE_CHARS = 700;

let table: Map<string, string> | null = null;

function languages(): Map<string, string> {
  table ??= new Map(loadLexicon('languages', LanguageEntry).map((e) => [e.id, e.code]));
  return table;
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_CHARS) return null;
  const map = languages();
  const iso3 = franc(sample, { minLength: MIN_CHARS, only: [...map.keys()] });
  return map.get(iso3) ?? null;
}
