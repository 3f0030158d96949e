/**
 * The language of the clean text with franc, as an ISO 639-1 code, or null when the text is
 * too short to tell. franc chooses among the languages of languages.yml only.
 */
import { franc } from 'franc';
import { z } from 'zod';
import { loadLexicon } from '../core/lexicon.js';

const LanguageEntry = z.object({ id: z.string().length(3), code: z.string().min(2).max(3), markers: z.array(z.string()).optional() });

/** Share of a sample's words that must be one language's markers, with this many different ones. */
const MARKER_SHARE = 0.15;
const MARKER_KINDS = 5;

/** Below this many letters franc's guess is noise. */
const MIN_CHARS = 120;
/** franc is slow on long texts and a few paragraphs are enough. */
const SAMPLE_CHARS = 700;

let table: Map<string, string> | null = null;
let markerSets: Array<{ code: string; words: Set<string> }> | null = null;

function languages(): Map<string, string> {
  table ??= new Map(loadLexicon('languages', LanguageEntry).map((e) => [e.id, e.code]));
  return table;
}

/** The language whose markers dominate the sample, if one clearly does. */
function byMarkers(sample: string): string | null {
  markerSets ??= loadLexicon('languages', LanguageEntry)
    .filter((e) => e.markers?.length)
    .map((e) => ({ code: e.code, words: new Set(e.markers) }));
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const { code, words: markers } of markerSets) {
    const seen = new Set<string>();
    let hits = 0;
    for (const w of words) {
      if (!markers.has(w)) continue;
      hits++;
      seen.add(w);
    }
    if (hits >= words.length * MARKER_SHARE && seen.size >= MARKER_KINDS) return code;
  }
  return null;
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_CHARS) return null;
  const quick = byMarkers(sample);
  if (quick) return quick;
  const map = languages();
  const iso3 = franc(sample, { minLength: MIN_CHARS, only: [...map.keys()] });
  return map.get(iso3) ?? null;
}
