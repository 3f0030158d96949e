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

export function gateParsers(full: Chrono): GatedChrono {
  const gates = [...new Set(Object.values(GATES))];
  const gateOf = (p: Parser): number => {
    const re = GATES[p.constructor.name];
    return re ? gates.indexOf(re) : -1;
  };
  const parserGates = full.parsers.map(gateOf);
  // One configuration per set of open gates, made when first needed (a few dozen at most).
  const byMask = new Map<number, Chrono>();
  return {
    forText(text: string): Chrono {
      let mask = 0;
      for (let g = 0; g < gates.length; g++) if (gates[g]!.test(text)) mask |= 1 << g;
      let c = byMask.get(mask);
      if (!c) {
        c = full.clone();
        c.parsers = full.parsers.filter((_p, i) => parserGates[i]! < 0 || (mask & (1 << parserGates[i]!)) !== 0);
        byMask.set(mask, c);
      }
      return c;
    },
  };
}
