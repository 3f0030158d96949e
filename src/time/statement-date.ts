/**
 * When something was said: a time phrase governing the reporting verb ("said on Tuesday",
 * "told reporters last week", "On Friday, the minister said") dates the statement; otherwise
 * the publication date, marked implied. An undated document gets null unless the phrase is a
 * full date.
 */
import type { Doc, Sentence, Timex, TimeValue } from '../core/types.js';
import { layerIndex } from '../core/start-index.js';
import type { Span } from '../core/span.js';
import { timeLexicon } from './lexicon.js';
import { placedValue } from './calendar.js';

/** Reporting verbs and cues a statement date can govern. */
const REPORTING = /\b(?:said|says|told|tells|announced|confirmed|stated|declared|wrote|posted|tweeted|denied|added|noted|insisted|warned|claimed|argued|explained|replied|responded|asked|acknowledged|admitted|suggested|indicated|reported|according to|in (?:a|an) (?:statement|interview|post|briefing))\b/gi;

/** How far (characters) a time phrase may sit from the verb it governs. */
const NEAR = 32;

const datable = (t: Timex): boolean =>
  (t.type === 'DATE' || t.type === 'TIME') && !!t.interval?.start && !/_REF$/.test(t.value);

const sentenceIndexes = new WeakMap();
const timexIndexes = new WeakMap();

function sentenceAround(doc: Doc, pos: number): { start: number; end: number } {
  // Only sentences starting within the longest one's length before pos can hold it.
  const { index, longest } = layerIndex<Sentence>(sentenceIndexes, doc.sentences, (x) => x.start, (x) => x.end);
  const s = index.within(pos - longest, pos + 1).find((x) => x.start <= pos && pos < x.end);
  if (s) return s;
  const a = doc.text.lastIndexOf('\n', pos) + 1;
  const b = doc.text.indexOf('\n', pos);
  return { start: a, end: b < 0 ? doc.text.length : b };
}

/** Reporting cues inside [start, end) of the text. */
function cuesIn(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const chunk = text.slice(start, end);
  REPORTING.lastIndex = 0;
  for (let m = REPORTING.exec(chunk); m; m = REPORTING.exec(chunk)) out.push({ start: start + m.index, end: start + m.index + m[0].length });
  return out;
}

/**
 * The timex governing a reporting cue: in the cue's sentence, within NEAR characters, with no
 * clause break or quotation mark between; or opening the sentence ("On Friday, ...").
 */
export function governingTimex(doc: Doc, cue: { start: number; end: number }): Timex | null {
  const sent = sentenceAround(doc, cue.start);
  let best: Timex | null = null;
  let bestGap = Infinity;
  // The time expressions of the sentence, in document order: a window, not every one of the document.
  const { index } = layerIndex<Timex>(timexIndexes, doc.timexes, (t) => t.span.start, (t) => t.span.end);
  for (const t of index.within(sent.start, sent.end + 1)) {
    if (t.span.start < sent.start || t.span.end > sent.end || !datable(t)) continue;
    const between = t.span.end <= cue.start ? doc.text.slice(t.span.end, cue.start) : doc.text.slice(cue.end, t.span.start);
    // "On Friday, the minister said ...": a phrase opening the sentence dates its main verb.
    const opening = t.span.start - sent.start <= 4 && t.span.end <= cue.start;
    if (!opening && (between.length > NEAR || /["“”;:—–()]/.test(between))) continue;
    // A future-tense phrase is when something will happen, not when it was said.
    const future = timeLexicon().futureRe;
    future.lastIndex = 0;
    if (t.span.start > cue.end && future.test(between)) continue;
    const gap = opening ? NEAR : between.length;
    if (gap < bestGap) {
      best = t;
      bestGap = gap;
    }
  }
  return best;
}

export function impliedPublication(doc: Doc): TimeValue | null {
  const day = doc.meta.published?.date;
  return day ? { start: day, end: day, granularity: 'day', timex: day, implied: true } : null;
}

/**
 * The statement date for evidence at `span`: the time phrase governing its reporting verb
 * (the given cue, or any reporting verb in the span), else the publication date implied.
 */
export function timeAt(doc: Doc, span: Pick<Span, 'start' | 'end'>, cue?: Pick<Span, 'start' | 'end'> | null): TimeValue | null {
  const cues = cue ? [cue] : cuesIn(doc.text, span.start, span.end);
  for (const c of cues) {
    const t = governingTimex(doc, c);
    if (t?.interval) {
      return placedValue(t.interval, t.interval.span ?? t.span, false);
    }
  }
  return impliedPublication(doc);
}
