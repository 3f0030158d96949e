/**
 * Time expressions in a text. chrono is slow on long text, so it runs per sentence and only
 * where a cheap prefilter (month and weekday names, digits, time words from the lexicons) hits.
 */
import type { Timex } from '../core/types.js';
import { parseIso, type Ymd } from './calendar.js';
import { newsChronoFor } from './config.js';
import type { NewsOption } from './context.js';
import { timeLexicon, type TimeLexicon } from './lexicon.js';
import { toTimex } from './timex.js';
import { isSpace } from '../text/chars.js';

/**
 * Words that can start or carry a time expression of chrono's or ours. Months and weekdays are
 * spelled out in their real forms, not as three-letter prefixes, so "minister", "market" and
 * "decision" do not send a sentence to chrono (two in five prefilter hits did, for nothing).
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAYS = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const TIME_WORDS = 'ago|yesterday|today|tonight|tomorrow|now|noon|midnight|weekends?|hours?|minutes?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?';

let pre: { lex: TimeLexicon; re: RegExp } | null = null;

/** One regex that any sentence holding a time expression matches (false hits are fine). */
export function prefilter(): RegExp {
  const lex = timeLexicon();
  if (pre && pre.lex === lex) return pre.re;
  // Digits only where they can be a time: a year, d/m, a clock time, an ordinal day.
  const digits = String.raw`\b(?:1[6-9]|20)\d\d(?:s\b)?|\b\d{1,2}[/:.]\d|\d\s*[ap]\.?m\b|\d(?:st|nd|rd|th)\b`;
  const words = [MONTHS, WEEKDAYS, TIME_WORDS, lex.seasonAlt, lex.partOfDayAlt, lex.unitAlt].join('|');
  // The phrase lexicons are matched whole: the parsers that read them need all of them anyway.
  pre = { lex, re: new RegExp(`${digits}|\\b(?:${words})\\b|${lex.vagueAlt}|${lex.setAlt}`, 'gi') };
  return pre.re;
}

/**
 * chrono reads this much text before a prefilter hit (the longest lead, "at the very end of
 * last", has 26 characters) and after it (the longest tail after a hit word, ", at 5 p.m.").
 */
const BEFORE = 28;
const AFTER = 20;

/** Windows [start, end) of the chunk around prefilter hits, widened to white space and merged. */
export function windows(text: string, start: number, end: number): Array<[number, number]> {
  const re = prefilter();
  re.lastIndex = 0;
  const chunk = text.slice(start, end);
  const out: Array<[number, number]> = [];
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    let a = Math.max(0, m.index - BEFORE);
    let b = Math.min(chunk.length, m.index + m[0].length + AFTER);
    while (a > 0 && !isSpace(chunk.charCodeAt(a - 1))) a--;
    while (b < chunk.length && !isSpace(chunk.charCodeAt(b))) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out.map(([a, b]) => [start + a, start + b]);
}

/** Sentence-ish chunks [start, end) of a text: lines, split again at sentence ends. */
export function chunks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let from = m.index;
    const line = m[0];
    const end = m.index + line.length;
    const cut = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])/g;
    for (let c = cut.exec(line); c; c = cut.exec(line)) {
      // Keep abbreviations ("Oct. 21", "Mr. Smith") inside their sentence.
      const word = /(\w+)[.!?]["”’)]?\s+$/.exec(line.slice(0, c.index + c[0].length))?.[1] ?? '';
      if (word.length <= 3 && /^[A-Z]/.test(word)) continue;
      out.push([from, m.index + c.index + c[0].length]);
      from = m.index + c.index + c[0].length;
    }
    out.push([from, end]);
  }
  return out;
}

const PLACEHOLDER: Ymd = { y: 2000, m: 6, d: 15 };

/** Parse one sentence-ish chunk of `text` where the prefilter hits. */
export function timexesIn(text: string, start: number, end: number, reference: Ymd | null): Timex[] {
  const out: Timex[] = [];
  const ref = reference ?? PLACEHOLDER;
  const instant = new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12));
  // One chrono call per chunk, over the stretch from the first hit's window to the last's:
  // a call costs about as much in fixed overhead as in text length.
  const w = windows(text, start, end);
  if (w.length === 0) return out;
  for (const [a, b] of [[w[0]![0], w[w.length - 1]![1]]] as const) {
    // The sentence goes along for tense cues outside the window.
    const option: NewsOption = { forwardDate: false, reference, placeholder: PLACEHOLDER, sentence: text.slice(start, end), offset: a - start };
    const chunk = text.slice(a, b);
    for (const r of newsChronoFor(chunk).parse(chunk, { instant, timezone: 0 }, option)) {
      const t = toTimex(r, a, reference !== null);
      if (t) out.push(t);
    }
  }
  return out;
}

/** Every time expression in a text, resolved against a reference date (YYYY-MM-DD) or none. */
export function findTimexesIn(text: string, reference: string | null, sentences?: ReadonlyArray<{ start: number; end: number }>): Timex[] {
  const ref = reference ? parseIso(reference) : null;
  if (reference && !ref) throw new Error(`time: reference ${reference}: expected YYYY-MM-DD`);
  const parts: ReadonlyArray<readonly [number, number]> = sentences?.length ? sentences.map((s) => [s.start, s.end] as const) : chunks(text);
  const out: Timex[] = [];
  for (const [a, b] of parts) out.push(...timexesIn(text, a, b, ref));
  return out;
}
