/**
 * Plain text and Markdown (including text copied from a browser page) to clean text:
 * header lines at the top are read into meta (title, date lines, byline, `key: value`
 * fields); page clutter (clutter.yml, plus headings and teasers told apart by shape) is
 * dropped; every other line is kept verbatim, one paragraph a line, with its offsets.
 */
import type { DateCandidate } from '../../core/types.js';
import { CleanTextBuilder } from '../clean-text.js';
import { splitLines, makeLine, type Line } from './lines.js';
import { clutterRules, type ClutterRule } from './lexicons.js';
import { isDateLine, DATE_PREFIX, bylineAuthors, isNameShaped, metaField, splitNames } from './header.js';

export interface PlainResult {
  text: string;
  offsetMap: Array<[number, number]>;
  title: string | null;
  authors: string[];
  url: string | null;
  outlet: string | null;
  language: string | null;
  dateCandidates: DateCandidate[];
  /** Rule id of each dropped line, for debugging and tests. */
  dropped: Array<{ text: string; rule: string }>;
}

/** Where the tail of a page begins, as a share of its length: end markers count only there. */
const TAIL_SHARE = 0.6;
/** Date and byline lines are looked for among the first lines only. */
const HEADER_LINES = 15;
/** Ends like a sentence: final punctuation, perhaps inside closing quotes or brackets. */
/** A photo's alt text is a short description; longer lines before a credit are prose. */
const ALT_TEXT_WORDS = 14;
const TERMINAL = /(?:[.!?…:;]|--|[—–])["”’'»)\]]*$/u;

/** A month name or number with a day and a four-digit year. */
const FULL_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b/i;

const terminal = (s: string): boolean => TERMINAL.test(s);
const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

let titleKey: { title: string; key: string } | null = null;

/**
 * The line is the title again. Every line is asked: a line far longer than the title cannot
 * fold to it, so only lines of about its length are folded, and the title once.
 */
function repeatsTitle(line: string, title: string): boolean {
  if (line.length > title.length * 2 + 20) return false;
  if (titleKey?.title !== title) titleKey = { title, key: norm(title) };
  return norm(line) === titleKey.key;
}

/** A line that reads as article prose rather than a headline or a label. */
function isProse(l: Line): boolean {
  return (terminal(l.text) && l.words >= 6 && !/[?!]$/.test(l.text)) || l.words >= 25 || (terminal(l.text) && l.words >= 12);
}

/** Lines that are hard-wrapped (text wrapped at ~72 columns) are joined into paragraphs. */
function joinWrapped(lines: Line[]): Line[] {
  let open = 0;
  let nonBlank = 0;
  let longest = 0;
  for (const l of lines) if (l.text) longest = Math.max(longest, l.end - l.start);
  // A wrapped line fills most of the width; short lines (labels, bylines) are never joined.
  const full = (l: Line): boolean => l.end - l.start >= longest * 0.6;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    nonBlank++;
    if (lines[i + 1]?.text && !terminal(l.text) && full(l)) open++;
  }
  if (nonBlank < 4 || longest > 110 || open < nonBlank * 0.3) return lines;
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const prev = out[out.length - 1];
    if (prev && prev.text && l.text && !prev.structural && !l.structural && i > 0 && full(lines[i - 1]!)) {
      out[out.length - 1] = {
        start: prev.start,
        end: l.end,
        ranges: [...prev.ranges, ...l.ranges],
        joins: [...(prev.joins ?? []), prev.ranges.length],
        text: `${prev.text} ${l.text}`,
        words: prev.words + l.words,
        structural: false,
      };
    } else out.push(l);
  }
  return out;
}

function matchClutter(l: Line, atTail: boolean, atTop: boolean): ClutterRule | null {
  // An end marker wins over a rule that would drop the same line alone ('Read more').
  const rules = clutterRules();
  for (const r of atTail ? [...rules.filter((x) => x.action === 'end'), ...rules] : rules) {
    if (r.where === 'tail' && !atTail) continue;
    if (r.where === 'top' && !atTop) continue;
    if (r.maxWords !== undefined && l.words > r.maxWords) continue;
    if (r.re.test(l.text)) return r;
  }
  return null;
}

export function cleanPlain(raw: string): PlainResult {
  const lines = joinWrapped(splitLines(raw));
  const out: PlainResult = { text: '', offsetMap: [], title: null, authors: [], url: null, outlet: null, language: null, dateCandidates: [], dropped: [] };
  const keep: Line[] = [];
  const drop = (l: Line, rule: string): void => void out.dropped.push({ text: l.text, rule });
  const tailFrom = raw.length * TAIL_SHARE;
  let inHeader = true;
  let pendingAuthor = false;
  let contentLines = 0;
  let afterHeading = false;

  const nextText = (i: number): Line | undefined => lines.slice(i + 1).find((x) => x.text);
  // Stored copies are often cut off mid-sentence: a last line without final punctuation is
  // still the article's own text, not a heading.
  let lastIndex = lines.length - 1;
  while (lastIndex >= 0 && !lines[lastIndex]!.text) lastIndex--;

  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    if (!l.text) {
      continue;
    }
    const early = contentLines < HEADER_LINES;
    contentLines++;
    const atTail = l.start >= tailFrom;

    if (inHeader) {
      const field = metaField(l.text);
      if (field) {
        applyField(out, field.field, field.value, l.text);
        if (field.field === 'author' && !field.value) pendingAuthor = true;
        drop(l, 'clean/header-field');
        continue;
      }
      if (pendingAuthor && isNameShaped(l.text)) {
        out.authors.push(l.text.trim());
        pendingAuthor = false;
        drop(l, 'clean/header-author');
        continue;
      }
      const prefix = DATE_PREFIX.exec(l.text);
      if (prefix && l.ranges.length) {
        out.dateCandidates.push({ raw: l.text, source: 'header' });
        l = makeLine(raw, l.ranges[0]![0] + prefix[0].length, l.end);
        if (!l.text) continue;
      }
    }
    const rule = matchClutter(l, atTail, inHeader);
    if (rule) {
      if (rule.action === 'end') {
        for (let j = i; j < lines.length; j++) if (lines[j]!.text) drop(lines[j]!, rule.id);
        break;
      }
      if (rule.action === 'caption') {
        // The photo's alt text or description sits on the line before its credit.
        const prev = keep[keep.length - 1];
        if (prev && prev.words <= ALT_TEXT_WORDS && !/["“”]/.test(prev.text) && lines.indexOf(prev) >= i - 3 && lines.slice(lines.indexOf(prev) + 1, i).every((x) => !x.text || x.structural)) {
          keep.pop();
          drop(prev, 'clean/caption-alt');
        }
      }
      drop(l, rule.id);
      continue;
    }
    if (early && isDateLine(l.text)) {
      out.dateCandidates.push({ raw: l.text, source: 'header' });
      drop(l, 'clean/date-line');
      continue;
    }
    if (early) {
      const names = bylineAuthors(l.text);
      if (names) {
        out.authors.push(...names);
        drop(l, 'clean/byline');
        continue;
      }
    }
    if (out.title && repeatsTitle(l.text, out.title)) {
      drop(l, 'clean/duplicate-title');
      continue;
    }
    if (inHeader && !isProse(l)) {
      // A header line can carry the date and more at once ('Oct. 7, 2024 · 4 min read').
      if (out.title && FULL_DATE.test(l.text)) {
        out.dateCandidates.push({ raw: l.text, source: 'header' });
        drop(l, 'clean/date-line');
        continue;
      }
      if (!out.title && l.words >= 3 && !/\.$/.test(l.text)) {
        out.title = l.text;
        drop(l, 'clean/title');
      } else {
        drop(l, out.title ? 'clean/header-line' : 'clean/section-label');
      }
      continue;
    }
    inHeader = false;
    const truncatedEnd = i === lastIndex && l.words >= 6;
    if (afterHeading && !terminal(l.text) && !truncatedEnd) {
      // The cut-off opening of another story under its teaser headline.
      drop(l, 'clean/teaser-snippet');
      continue;
    }
    if (!truncatedEnd && !terminal(l.text) && l.words <= 20 && !/^\p{Ll}/u.test(l.text)) {
      // A heading, a teaser headline of another story, a name or a label.
      const next = nextText(i);
      if (early && isNameShaped(l.text) && next && isDateLine(next.text)) out.authors.push(l.text.trim());
      afterHeading = true;
      drop(l, 'clean/short-heading');
      continue;
    }
    afterHeading = false;
    keep.push(l);
  }

  const b = new CleanTextBuilder();
  for (const l of keep) {
    const joins = new Set(l.joins ?? []);
    l.ranges.forEach(([a, c], k) => {
      if (joins.has(k)) b.space();
      b.push(raw, a, c);
    });
    b.newline();
  }
  const built = b.build();
  out.text = built.text;
  out.offsetMap = built.offsetMap;
  out.authors = [...new Set(out.authors)];
  return out;
}

function applyField(out: PlainResult, field: string, value: string, line: string): void {
  const v = value.trim();
  switch (field) {
    case 'url':
      if (/^https?:\/\//i.test(v)) out.url = v;
      break;
    case 'outlet':
      if (v) out.outlet = v;
      break;
    case 'language':
      if (/^[a-z]{2,3}(?:[-_][A-Za-z]{2})?$/i.test(v)) out.language = v.slice(0, 2).toLowerCase();
      break;
    case 'title':
      if (v) out.title = v;
      break;
    case 'author':
      if (v) out.authors.push(...splitNames(v));
      break;
    case 'published':
      if (/\d/.test(v)) out.dateCandidates.push({ raw: v, source: 'metadata' });
      break;
    case 'date':
      if (/\d/.test(v)) out.dateCandidates.push({ raw: line, source: 'header' });
      break;
  }
}
