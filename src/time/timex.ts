/**
 * One chrono result -> one Timex: our parsers' annotation when they made it, else the TIMEX3
 * value read from chrono's certain components (a day, a month, a year, a clock time). In an
 * undated document, what needs the reference keeps a partial value ('XXXX-10-21').
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { Timex, TimeValue } from '../core/types.js';
import { span } from '../core/span.js';
import { dayValue, monthValue, pad, partialValue, placedValue, rangeValue, yearValue, type Ymd } from './calendar.js';
import { readAnnotation } from './tags.js';
import { timeLexicon } from './lexicon.js';
import { compiledLexicon } from '../core/lexicon.js';

const DAY_PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', noon: 'MI', midnight: 'NI' };

const partOfDayRe = compiledLexicon(() => new RegExp(`\\b(?:${timeLexicon().partOfDayAlt})\\b`, 'i'));

function dayPart(r: ParsedResult): string | null {
  // The word written wins over chrono's tag (chrono files "night" under evening).
  const lex = timeLexicon();
  const word = partOfDayRe().exec(r.text);
  if (word) return lex.partOfDay(word[0]) ?? null;
  for (const t of r.tags()) {
    const m = /^casualReference\/(morning|afternoon|evening|night|noon|midnight)$/.exec(t);
    if (m) return DAY_PARTS[m[1]!]!;
  }
  return /\btonight\b/i.test(r.text) ? 'NI' : null;
}

/** Is this a chrono reading that depends on the reference day (weekday, "yesterday", "5 days ago")? */
function relative(r: ParsedResult, c: ParsedComponents): boolean {
  if (!c.isCertain('year')) return true;
  for (const t of r.tags()) if (t.startsWith('casualReference/') || t === 'result/relativeDate') return true;
  return false;
}

interface Read { type: 'DATE' | 'TIME'; value: string; interval: TimeValue }

function readComponents(r: ParsedResult, c: ParsedComponents, anchored: boolean): Read | null {
  const rel = relative(r, c);
  const part = dayPart(r);
  const hasTime = c.isCertain('hour');
  const y = c.get('year')!, m = c.get('month')!, d = c.get('day')!;
  if (!anchored && rel) {
    // Keep what the text states; X for the rest.
    const yy = c.isCertain('year') ? pad(y, 4) : 'XXXX';
    let x: string;
    if (c.isCertain('month') && c.isCertain('day')) x = `${yy}-${pad(m)}-${pad(d)}`;
    else if (c.isCertain('month')) x = `${yy}-${pad(m)}`;
    else if (c.isCertain('weekday')) x = `XXXX-WXX-${c.get('weekday') === 0 ? 7 : c.get('weekday')}`;
    else x = 'XXXX-XX-XX';
    if (hasTime) x += `T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
    else if (part) x += `T${part}`;
    return { type: hasTime || part ? 'TIME' : 'DATE', value: x, interval: partialValue(x) };
  }
  const day: Ymd = { y, m, d };
  const dayKnown = c.isCertain('day') || c.isCertain('weekday');
  if (hasTime || part) {
    const dv = dayValue(day);
    const t = hasTime ? `T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}` : `T${part}`;
    return { type: 'TIME', value: `${dv.timex}${t}`, interval: dv };
  }
  if (dayKnown) {
    const v = dayValue(day);
    return { type: 'DATE', value: v.timex, interval: v };
  }
  if (c.isCertain('month')) {
    const v = monthValue(y, m);
    return { type: 'DATE', value: v.timex, interval: v };
  }
  if (c.isCertain('year')) {
    const v = yearValue(y);
    return { type: 'DATE', value: v.timex, interval: v };
  }
  return null;
}

/**
 * Convert a result found in a chunk that starts at `base` in the full text.
 * Returns null for what we cannot type.
 */
export function toTimex(r: ParsedResult, base: number, anchored: boolean): Timex | null {
  // chrono keeps a trailing comma ("On Monday,"): not part of the expression.
  const len = r.text.replace(/[\s,;:]+$/, '').length;
  const s = span(base + r.index, base + r.index + len, 'time/chrono');
  const a = readAnnotation(r.start);
  if (a) {
    const t: Timex = { span: span(s.start, s.end, a.rule), type: a.type, value: a.value };
    if (a.interval) t.interval = placedValue(a.interval, t.span);
    const b = r.end ? readAnnotation(r.end) : null;
    if (a.interval?.start && b?.interval?.end && a.interval.start <= b.interval.end) {
      t.interval = placedValue(rangeValue(parse(a.interval.start), parse(b.interval.end), `${a.value}/${b.value}`), t.span);
    }
    return t;
  }
  const start = readComponents(r, r.start, anchored);
  if (!start) return null;
  const t: Timex = { span: s, type: start.type, value: start.value, interval: placedValue(start.interval, s) };
  if (r.end) {
    const end = readComponents(r, r.end, anchored);
    if (end && start.interval.start && end.interval.end && start.interval.start <= end.interval.end) {
      t.interval = placedValue(rangeValue(parse(start.interval.start), parse(end.interval.end), `${start.value}/${end.value}`), s);
    }
  }
  return t;
}

const parse = (s: string): Ymd => ({ y: +s.slice(0, 4), m: +s.slice(5, 7), d: +s.slice(8, 10) });
