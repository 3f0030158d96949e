/**
 * Which of chrono's parsers can match a text at all. chrono runs every parser's regex over the
 * text it is given, a scan at each position; most of a news sentence's parsers can find
 * nothing there (no weekday name, no digit). Each gate is a necessary condition read off the
 * parser's own pattern (a word its match must contain), tested as a plain substring so that
 * it never rules out a match the parser would make: the results are exactly chrono's, found
 * with the parsers that could find them. Parsers without a gate always run.
 */
import type { Chrono, Parser } from 'chrono-node';

const GATES: Record<string, RegExp> = {
  // Weekday names and their abbreviations ("Tue.", "Thurs"), "weekend", "weekday".
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|weekend|weekday/i,
  // Every month name and abbreviation starts with one of these.
  ENMonthNameParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameLittleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameMiddleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENYearMonthNameParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  // Numeric dates and clock times need digits.
  ENYearMonthDayParser: /\d/,
  ENSlashMonthFormatParser: /\d/,
  SlashDateFormatParser: /\d/,
  ISOFormatParser: /\d/,
  ENTimeExpressionParser: /\d/,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  ENRelativeDateFormatParser: /this|last|past|next|after/i,
};

export interface GatedChrono {
  /** The configuration with only the parsers that can match `text`. */
  forText(text: string): Chrono;
}

/** Our parsers (parsers/base.ts) carry their gate, built from the current time lexicon. */
interface SelfGated {
  gate(): RegExp | null;
}

const selfGated = (p: Parser): p is Parser & SelfGated => typeof (p as Partial<SelfGated>).gate === 'function';

export function gateParsers(full: Chrono): GatedChrono {
  if (full.parsers.length > 31) throw new Error('time: too many chrono parsers to gate in one mask');
  // chrono's gates are fixed: each distinct one is tested once a text, and opens a mask of
  // parsers. Ours are asked for theirs each time (a user lexicon can change it).
  const fixed = [...new Set(full.parsers.map((p) => GATES[p.constructor.name]).filter((re): re is RegExp => !!re))];
  const fixedMask = fixed.map((re) => full.parsers.reduce((m, p, i) => (GATES[p.constructor.name] === re ? m | (1 << i) : m), 0));
  const own = full.parsers.flatMap((p, i) => (selfGated(p) ? [{ p, bit: 1 << i }] : []));
  const always = full.parsers.reduce((m, p, i) => (!selfGated(p) && !GATES[p.constructor.name] ? m | (1 << i) : m), 0);
  // One configuration per set of parsers let through, made when first needed.
  const byMask = new Map<number, Chrono>();
  return {
    forText(text: string): Chrono {
      let mask = always;
      for (let g = 0; g < fixed.length; g++) if (fixed[g]!.test(text)) mask |= fixedMask[g]!;
      for (const { p, bit } of own) {
        const re = p.gate();
        if (!re || re.test(text)) mask |= bit;
      }
      let c = byMask.get(mask);
      if (!c) {
        c = full.clone();
        c.parsers = full.parsers.filter((_p, i) => (mask & (1 << i)) !== 0);
        byMask.set(mask, c);
      }
      return c;
    },
  };
}
