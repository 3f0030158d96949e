/**
 * Full dates in short strings (metadata values, header lines, URLs): ISO stamps, "Oct. 21,
 * 2025", "3 March 2024", "/2025/10/21/". Only dates with a year; nothing relative.
 */
import { iso, parseIso } from './calendar.js';
import { monthNumber } from './parsers/relative-month.js';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ISO_RE = /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/;
const MDY_RE = new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)`, 'i');
const DMY_RE = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH}),?\s+((?:19|20)\d\d)(?!\d)`, 'i');
const URL_RE = /\/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)/;
const DOTTED_RE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)/;

export interface FoundDate { date: string; index: number; length: number }

const valid = (y: string | number, m: string | number, d: string | number): string | null => {
  const day = parseIso(iso({ y: +y, m: +m, d: +d }));
  return day ? iso(day) : null;
};

/** The first full date in `s`, or null. Earliest position wins across the formats. */
export function readDate(s: string): FoundDate | null {
  const found: FoundDate[] = [];
  const push = (m: RegExpExecArray | null, y: number, mo: number, d: number): void => {
    if (!m) return;
    const date = valid(m[y]!, /^\d+$/.test(m[mo]!) ? m[mo]! : monthNumber(m[mo]!), m[d]!);
    if (date) found.push({ date, index: m.index, length: m[0].length });
  };
  push(ISO_RE.exec(s), 1, 2, 3);
  push(MDY_RE.exec(s), 3, 1, 2);
  push(DMY_RE.exec(s), 3, 2, 1);
  push(DOTTED_RE.exec(s), 3, 2, 1);
  found.sort((a, b) => a.index - b.index);
  return found[0] ?? null;
}

/** A date in a URL path ("/2025/10/21/"). */
export function readUrlDate(url: string): string | null {
  const m = URL_RE.exec(url);
  return m ? valid(m[1]!, m[2]!, m[3]!) : null;
}

/** Month-day without a year at the start of `s` ("March 3", "3 March"): [month, day, length]. */
export function readMonthDay(s: string): { m: number; d: number; length: number } | null {
  const md = new RegExp(String.raw`^(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'i').exec(s);
  if (md) return { m: monthNumber(md[1]!), d: +md[2]!, length: md[0].length };
  const dm = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})(?![a-z])`, 'i').exec(s);
  if (dm) return { m: monthNumber(dm[2]!), d: +dm[1]!, length: dm[0].length };
  return null;
}

export const MONTH_PATTERN = MONTH;
