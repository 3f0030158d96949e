/**
 * The publication date, in order of trust: the --published option; metadata candidates from
 * ingest (JSON-LD, Open Graph, meta tags, <time>); header lines at the top of the text
 * ("published: 2025-02-09", "date 2025-08-19 ...", a line that is only a date); a dateline
 * ("LONDON, March 3 (Agency) -"); a date in the URL; then the lede rule: the first sentence of
 * the article reporting what someone said "on Oct. 23", with the year the document's own full
 * dates give. Never the run date or a file time; a guess we cannot justify is null.
 */
import type { DateCandidate, Doc, PublishedDate, PublishedSource } from '../core/types.js';
import { iso, parseIso } from './calendar.js';
import { chunks } from './find.js';
import { readDate, readMonthDay, readPageDate, readUrlPathDate, MONTH_PATTERN } from './read-date.js';

/** How far into the text header lines and the lede are looked for. */
const HEAD_CHARS = 3000;
const MIN_YEAR = 1990;

/** Candidates trusted before the text's own header lines; `url`, `modified` and `text` come later. */
const METADATA_ORDER: PublishedSource[] = ['jsonld', 'opengraph', 'metadata', 'time-element', 'markup', 'script', 'header', 'dateline'];
const LATE: PublishedSource[] = ['url', 'modified', 'text'];

/** A year from 1990 on, and not after the day after tomorrow (a sanity bound, never a default). */
const plausible = (date: string): boolean =>
  +date.slice(0, 4) >= MIN_YEAR && date <= new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

function fromCandidate(c: DateCandidate): PublishedDate | null {
  const raw = c.raw.trim();
  if (c.source === 'url' || /^url:/i.test(raw)) {
    const d = readUrlPathDate(raw);
    return d && plausible(d) ? { date: d, source: 'url', raw } : null;
  }
  const d = readPageDate(raw);
  return d && plausible(d.date) ? { date: d.date, source: c.source, raw, ...(c.rule ? { rule: c.rule } : {}) } : null;
}

const UTC_STAMP = /^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(?:Z|[+-]00:?00)$/i;
const LOCAL_STAMP = /^(\d{4}-\d\d-\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(?:([+-])(\d\d):?(\d\d))?$/;

/** Minutes since the epoch of a stamp's wall-clock time, ignoring any offset. */
const wall = (m: RegExpExecArray): number => Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`) / 60_000;

/** Does `local` write the same instant as the UTC stamp `utc`, at another offset (or none written)? */
function sameInstant(utc: RegExpExecArray, local: RegExpExecArray): boolean {
  const diff = wall(local) - wall(utc);
  if (local[5]) return diff === (local[5] === '+' ? 1 : -1) * (+local[6]! * 60 + +local[7]!) && diff !== 0;
  return diff !== 0 && Math.abs(diff) <= 14 * 60 && diff % 15 === 0;
}

/**
 * A stamp in UTC names the day in Greenwich, not where the page was published: when another
 * candidate of the page writes the same instant in local time (a stamp with its own offset, or
 * none, whole quarter hours away) on another day, the local day is the publication date.
 */
function localDay(best: PublishedDate, candidates: DateCandidate[]): PublishedDate {
  const utc = UTC_STAMP.exec(best.raw);
  if (!utc) return best;
  for (const c of candidates) {
    if (c.source === 'text' || c.source === 'url') continue;
    const local = LOCAL_STAMP.exec(c.raw.trim());
    if (local && local[1] !== utc[1] && sameInstant(utc, local)) return { ...best, date: local[1]!, rule: `${best.rule ?? best.source}+local-day(${c.rule ?? c.source})` };
  }
  // The date line the page shows by its headline, a day off: it is the local day when some
  // time zone (UTC-12 to UTC+14) puts the stamp's instant on it.
  const shown = candidates.find((c) => c.source === 'markup');
  const day = shown ? fromCandidate(shown) : null;
  if (day && day.date !== utc[1]) {
    const instant = Date.parse(`${utc[1]}T${utc[2]}:${utc[3]}:00Z`);
    const start = Date.parse(`${day.date}T00:00:00Z`);
    const [lo, hi] = [instant - 12 * 3_600_000, instant + 14 * 3_600_000];
    if (hi >= start && lo < start + 86_400_000) return { ...best, date: day.date, rule: `${best.rule ?? best.source}+local-day(${shown!.rule ?? shown!.source})` };
  }
  return best;
}

/** The first lines of the text, with their offsets. */
function headLines(text: string): Array<{ line: string; start: number }> {
  const out: Array<{ line: string; start: number }> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m && m.index < HEAD_CHARS; m = re.exec(text)) if (m[0].trim()) out.push({ line: m[0], start: m.index });
  return out;
}

const HEADER_FIELD = /^\s*(?:published|date|posted|first published|publication date|dated|pubdate)\s*[:=]?\s*/i;
const URL_FIELD = /^\s*(?:url|link|source)\s*[:=]\s*(\S+)/i;
/** A line that is a date and little else ("Oct. 21, 2025Updated 7:12 p.m. ET", "Published 3 March 2024"). */
const DATE_LINE_WORDS = /^(?:published|posted|updated|last updated|on|am|pm|a\.m\.|p\.m\.|et|gmt|utc|bst|cet|edt|est|pt|at|\||·|-|—)$/i;

function headerDate(lines: Array<{ line: string }>): PublishedDate | null {
  for (const { line } of lines.slice(0, 40)) {
    if (HEADER_FIELD.test(line)) {
      const rest = line.replace(HEADER_FIELD, '');
      const d = readDate(rest);
      if (d && d.index === 0 && plausible(d.date)) return { date: d.date, source: 'header', raw: line.trim() };
    }
    const d = readDate(line);
    if (d && line.length <= 80) {
      // Everything but the date must be header words or a clock time.
      const rest = (line.slice(0, d.index) + ' ' + line.slice(d.index + d.length)).replace(/\d{1,2}:\d\d(?::\d\d)?/g, ' ').replace(/(published|updated)/gi, ' $1 ');
      const words = rest.split(/[\s,]+/).filter(Boolean);
      if (words.every((w) => DATE_LINE_WORDS.test(w)) && plausible(d.date)) return { date: d.date, source: 'header', raw: line.trim() };
    }
  }
  return null;
}

function urlDate(doc: Doc, lines: Array<{ line: string }>): PublishedDate | null {
  const urls = [doc.meta.url, ...lines.slice(0, 10).map(({ line }) => URL_FIELD.exec(line)?.[1])];
  for (const u of urls) {
    const d = u ? readUrlPathDate(u) : null;
    if (d && plausible(d)) return { date: d, source: 'url', raw: u! };
  }
  return null;
}

/** Years the document states in full dates ("April 15, 2025"), most recent first. */
function documentYears(text: string): number[] {
  const years = new Set<number>();
  const re = new RegExp(String.raw`\b${MONTH_PATTERN}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b|\b\d{1,2}\s+${MONTH_PATTERN}\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-\d\d-\d\d\b`, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) years.add(+(m[1] ?? m[2] ?? m[3]!));
  return [...years].sort((a, b) => b - a);
}

const DATELINE = new RegExp(String.raw`^\s*(?:[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}(?:,\s*[A-Z][A-Za-z.]*)?\s*,\s*)?(?=${MONTH_PATTERN}\s+\d|\d{1,2}\s+${MONTH_PATTERN})`, 'i');

/** "LONDON, March 3 (Reuters) -" or "March 3, 2024 —" at the start of a body line. */
function datelineDate(lines: Array<{ line: string }>, years: number[]): PublishedDate | null {
  for (const { line } of lines.slice(0, 25)) {
    const lead = DATELINE.exec(line);
    if (!lead) continue;
    const rest = line.slice(lead[0].length);
    const full = readDate(rest);
    if (full && full.index === 0 && /^\s*(?:\([^)]{1,40}\)\s*)?[-–—:]/.test(rest.slice(full.length))) {
      if (plausible(full.date)) return { date: full.date, source: 'dateline', raw: line.slice(0, lead[0].length + full.length + 20).trim() };
    }
    const md = readMonthDay(rest);
    if (md && /^\s*(?:\([^)]{1,40}\)\s*)?[-–—]/.test(rest.slice(md.length)) && years.length) {
      const d = parseIso(iso({ y: years[0]!, m: md.m, d: md.d }));
      if (d) return { date: iso(d), source: 'dateline', raw: line.slice(0, lead[0].length + md.length + 20).trim() };
    }
  }
  return null;
}

/** A photo caption: a credit in parentheses or a "Credit"/"Photo:" marker. */
const CAPTION = /\((?:[^()]*\/)?[^()]*\b(?:Images?|Photo|Photos|AP|AFP|Reuters|EPA|Getty|Pool|Sputnik|TASS)\b[^()]*\)\s*$|\bCredit\b|\bPhoto(?:graph)?:|\bPicture:/;
const REPORTED_ON = new RegExp(String.raw`\b(?:said|told|announced|confirmed|stated|declared|wrote|posted|denied|added)\s+(?:[a-z]+\s+){0,2}?on\s+(?:[A-Z][a-z]+day,?\s+)?(${MONTH_PATTERN}\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+${MONTH_PATTERN})(?![\d,]*\s*(?:19|20)\d\d)`, 'i');

/**
 * The lede rule: in the article's first sentence (the first line of 15+ words that is not a
 * caption), a reporting verb "said on Oct. 23" dates the statement the article reports; the
 * year comes from the document's own full dates. Only when the document states a year.
 */
function ledeDate(lines: Array<{ line: string }>, years: number[]): PublishedDate | null {
  if (!years.length) return null;
  let seen = 0;
  for (const { line } of lines) {
    if (line.split(/\s+/).length < 15 || CAPTION.test(line)) continue;
    const [a, b] = chunks(line)[0] ?? [0, line.length];
    const first = line.slice(a, b);
    const m = REPORTED_ON.exec(first);
    if (m) {
      const md = readMonthDay(m[1]!);
      const d = md ? parseIso(iso({ y: years[0]!, m: md.m, d: md.d })) : null;
      if (d) return { date: iso(d), source: 'dateline', raw: m[0] };
    }
    if (++seen >= 1) break;
  }
  return null;
}

export function choosePublished(doc: Doc, opts: { published?: string } = {}): PublishedDate | null {
  if (opts.published) {
    const d = parseIso(opts.published);
    if (!d) throw new Error(`--published ${opts.published}: expected YYYY-MM-DD`);
    return { date: iso(d), source: 'option', raw: opts.published };
  }
  const candidates = [...doc.meta.dateCandidates].sort((a, b) => rank(a) - rank(b));
  for (const c of candidates) {
    if (LATE.includes(c.source)) continue;
    const p = fromCandidate(c);
    if (p) return localDay(p, candidates);
  }
  const lines = headLines(doc.text);
  const header = headerDate(lines);
  if (header) return header;
  // The document's own years: its text, title, metadata strings and dated lines cleaning removed.
  const years = documentYears([doc.text, doc.meta.title ?? '', ...doc.meta.dateCandidates.map((c) => c.raw), ...(doc.meta.contextDates ?? [])].join('\n'));
  const dateline = datelineDate(lines, years);
  if (dateline) return dateline;
  for (const c of candidates) {
    if (c.source !== 'url') continue;
    const p = fromCandidate(c);
    if (p) return p;
  }
  const url = urlDate(doc, lines);
  if (url) return url;
  const lede = ledeDate(lines, years);
  if (lede) return lede;
  // Last: a "last updated" stamp, then the first date of the page's text.
  for (const c of candidates) {
    if (c.source !== 'modified' && c.source !== 'text') continue;
    const p = fromCandidate(c);
    if (p) return p;
  }
  return null;
}

const ORDER = [...METADATA_ORDER, ...LATE];
const rank = (c: DateCandidate): number => {
  // A <meta> name that does not say which date it is comes after the article's own date line.
  const i = c.rule?.startsWith('meta-generic/') ? ORDER.indexOf('markup') + 0.5 : ORDER.indexOf(c.source);
  return i < 0 ? ORDER.length : i;
};
