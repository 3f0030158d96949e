/**
 * Full dates in short strings (metadata values, header lines, URLs): ISO stamps, "Oct. 21,
 * 2025", "3 March 2024", "/2025/10/21/". Only dates with a year; nothing relative.
 */
import { iso, parseIso } from './calendar.js';
import { z } from 'zod';
import { compiledLexicon, escapeRegExp, loadLexicon } from '../core/lexicon.js';
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

// ------------------------------------------------------------ dates as web pages write them

/** Month names of many languages, from data/lexicons/page-dates.yml (kind: month). */
const MonthEntry = z.object({ id: z.string().min(1), kind: z.literal('month'), months: z.array(z.array(z.string().min(1)).min(1)).length(12) });
const OtherEntry = z.object({ id: z.string().min(1), kind: z.enum(['meta', 'hint', 'label']) }).passthrough();
export const PageDateEntry = z.union([MonthEntry, OtherEntry]);

interface PageDateRes {
  monthOf: Map<string, number>;
  dmy: RegExp;
  mdy: RegExp;
}

const L = String.raw`\p{L}`;
const pageDateRes = compiledLexicon((): PageDateRes => {
  const monthOf = new Map<string, number>();
  for (const e of loadLexicon('page-dates', PageDateEntry)) {
    if (e.kind !== 'month') continue;
    (e as z.infer<typeof MonthEntry>).months.forEach((forms, i) => forms.forEach((f) => monthOf.has(f.toLowerCase()) || monthOf.set(f.toLowerCase(), i + 1)));
  }
  const alt = [...monthOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const month = String.raw`(?<!${L})(${alt})(?!${L})\.?`;
  return {
    monthOf,
    // "5 Dec. 2025", "5. Dezember 2025", "5 de diciembre de 2025", "1er janvier 2020", "5th of December, 2025"
    dmy: new RegExp(String.raw`(?<![\d.])(\d{1,2})(?:\.|er|st|nd|rd|th)?\s*(?:of\s+|de\s+)?${month},?\s*(?:de\s+|del\s+)?((?:19|20)\d\d)(?!\d)`, 'iu'),
    // "Dec. 5, 2025", "December 05 2025"
    mdy: new RegExp(String.raw`${month}\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)`, 'iu'),
  };
});

const ISO_ANY = /(?<![\d/.])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d/])(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?/;
const CJK = /((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
const NUMERIC = /(?<![\d.:/])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)(?![\d]|[./-]\d)/;
const COMPACT = /(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;

export interface PageDate extends FoundDate {
  /** For an ISO stamp with a time: the offset as written ('Z', '+02:00'), or '' when none. */
  zone?: string;
}

/**
 * The first full date in `s` as web pages write it, in any of the lexicon's languages:
 * ISO stamps (also with / or . between the parts), "05.12.2025", "5 Dec. 2025",
 * "Dec. 5, 2025", "5 de diciembre de 2025", "2025年12月5日". A numeric d/m/y with slashes is
 * read month first only when `monthFirst` (an English page) or when the day cannot be a month.
 * `compact` also reads "20251205" (URLs, file names).
 */
export function readPageDate(s: string, opts: { monthFirst?: boolean; compact?: boolean } = {}): PageDate | null {
  const res = pageDateRes();
  const found: PageDate[] = [];
  const add = (index: number, length: number, y: string | number, m: string | number, d: string | number, zone?: string): void => {
    const date = valid(y, m, d);
    if (date) found.push({ date, index, length, ...(zone !== undefined ? { zone } : {}) });
  };
  let m = ISO_ANY.exec(s);
  if (m) add(m.index, m[0].length, m[1]!, m[3]!, m[4]!, m[5] ? (m[7] ?? '') : undefined);
  m = CJK.exec(s);
  if (m) add(m.index, m[0].length, m[1]!, m[2]!, m[3]!);
  m = res.dmy.exec(s);
  if (m) add(m.index, m[0].length, m[3]!, res.monthOf.get(m[2]!.toLowerCase())!, m[1]!);
  m = res.mdy.exec(s);
  if (m) add(m.index, m[0].length, m[3]!, res.monthOf.get(m[1]!.toLowerCase())!, m[2]!);
  m = NUMERIC.exec(s);
  if (m) {
    const a = +m[1]!, b = +m[3]!;
    const monthFirst = m[2] === '/' && (b > 12 || (opts.monthFirst === true && a <= 12));
    if (monthFirst) add(m.index, m[0].length, m[4]!, a, b);
    else add(m.index, m[0].length, m[4]!, b, a);
  }
  if (opts.compact) {
    m = COMPACT.exec(s);
    if (m) add(m.index, m[0].length, m[1]!, m[2]!, m[3]!);
  }
  if (!found.length) return null;
  found.sort((x, y) => x.index - y.index || y.length - x.length);
  return found[0]!;
}

/** A date in a URL path: "/2025/10/21/", "/2025-10-21-", "/20251021/". */
export function readUrlPathDate(url: string): string | null {
  const d = readUrlDate(url);
  if (d) return d;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  const m = /[/_-]((?:19|20)\d\d)[_-]?(0[1-9]|1[0-2])[_-]?(0[1-9]|[12]\d|3[01])(?=[/._-]|$)/.exec(path);
  return m ? valid(m[1]!, m[2]!, m[3]!) : null;
}
