/**
 * Spans of time: "five days", "two weeks", "a decade", "the past two years", "within two
 * weeks", "a four-week trip", "several months" -> DURATION P5D, P2W, P10Y, P2Y, PXM. With
 * "the past/last" the span ends on the reference day; with "the next", "within", "over the
 * coming" it starts there; "in two weeks" is the day that far ahead (intervals the events
 * stage uses). "a month earlier", "two years after" are spans from a narrative time we do not
 * know: DURATION, with the anchor word in the extent so that chrono's reading from the
 * reference day loses the tie.
 */
import { addDays, dayValue, rangeValue } from '../calendar.js';
import { anchorDay, anchored } from '../context.js';
import { newsParser } from './base.js';
import type { TimeLexicon } from '../lexicon.js';

const LEAD = 1, NUM = 2, UNIT = 3;

const BACK = /^(?:(?:in|over|during|for)\s+)?the\s+(?:past|last|previous)$/i;
const AHEAD = /^(?:(?:(?:in|over|during|for)\s+)?the\s+(?:next|coming)|within)$/i;
/** "in two weeks": the day that far ahead. */
const AT = /^in$/i;

export function durationCode(n: number, code: string): string {
  // TIMEX3 writes decades and centuries in years; a vague number is X.
  if (code === 'DE') return n ? `P${n * 10}Y` : 'PXDE';
  if (code === 'CE') return n ? `P${n * 100}Y` : 'PXCE';
  const q = n === 0 ? 'X' : String(n);
  if (code.startsWith('T')) return `PT${q}${code.slice(1)}`;
  if (code === 'Q') return n ? `P${n * 3}M` : 'PXQ';
  return `P${q}${code}`;
}

export function readNumber(word: string, lex: TimeLexicon): number | undefined {
  const digits = word.replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(digits)) return Number(digits);
  return lex.number(word);
}

export const duration = newsParser({
  id: 'time/duration',
  gate: (lex) => lex.unitAlt,
  pattern: (lex) =>
    String.raw`(?:((?:(?:in|over|during|for)\s+)?the\s+(?:past|last|previous|next|coming|first|following)|within|in|for|nearly|almost|about|around|roughly|more\s+than|less\s+than|at\s+least|up\s+to|a\s+mere|just|another|an?\s+additional)\s+)?(?:(${lex.numberAlt}|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+|-))?(?:(?:more|additional|straight|consecutive|full|long)\s+)?(${lex.unitAlt})(?:\s+(?:earlier|later|before|after))?(?!\s+(?:ago|from\s+now)\b)(?!-old\b)`,
  extract: (ctx, m, lex) => {
    const unit = lex.unit(m[UNIT]!);
    // Without a number only "the next decade", "the past century": a lead and a singular unit.
    if (!m[NUM] && !(m[LEAD] && /^the\b/i.test(m[LEAD]) && /^(?:decade|century)$/i.test(m[UNIT]!))) return null;
    const n = m[NUM] ? readNumber(m[NUM], lex) : 1;
    if (n === undefined || !unit) return null;
    // "one day" alone is as often "some day" as a span; let the vague and date parsers have it.
    if (!m[LEAD] && /^(?:one|a)$/i.test(m[NUM]!) && /^day$/i.test(m[UNIT]!)) return null;
    // A plural unit after "a/one" ("a years") is not a duration.
    if (n === 1 && /s$/i.test(m[UNIT]!) && !/^\d/.test(m[NUM]!)) return null;
    const value = durationCode(n, unit.code);
    let interval = null;
    const lead = (m[LEAD] ?? '').trim();
    if (anchored(ctx) && n > 0 && unit.days > 0) {
      const ref = anchorDay(ctx);
      const len = Math.max(1, Math.round(n * unit.days));
      if (BACK.test(lead)) interval = rangeValue(addDays(ref, -len), ref, value);
      else if (AHEAD.test(lead)) interval = rangeValue(ref, addDays(ref, len), value);
      else if (AT.test(lead)) interval = { ...dayValue(addDays(ref, len)), timex: value, granularity: unit.days >= 28 ? 'range' as const : 'day' as const };
    }
    return { type: 'DURATION', value, interval };
  },
});

/** "for years", "for weeks", "for decades": a vague span. */
export const vagueDuration = newsParser({
  id: 'time/vague-duration',
  gate: (lex) => lex.unitAlt,
  pattern: (lex) => String.raw`(?:for|over|in)\s+(${lex.unitAlt})(?=\s|[,.;:!?]|$)`,
  extract: (_ctx, m, lex) => {
    const word = m[1]!;
    const unit = lex.unit(word);
    if (!unit || !/s$/i.test(word) || unit.code.startsWith('T')) return null;
    return { type: 'DURATION', value: durationCode(0, unit.code), interval: null };
  },
});
