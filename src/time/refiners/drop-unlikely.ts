/**
 * Drop what chrono reads as a time but news text means otherwise: the modal "may" and the verb
 * "march" in lower case, weekday abbreviations without a period ("Sun", "Sat" as names), a
 * lone "second" or "one", a bare number chrono took for an hour, and invalid dates. It stands
 * in for chrono's UnlikelyFormatFilter, which would also drop our all-digit years.
 */
import type { ParsingResult, Refiner } from 'chrono-node';
import { readAnnotation } from '../tags.js';

const NOT_A_TIME = /^(?:may|march|second|one|a|an|the|now)$/;
const WEEKDAY_ABBR = /^(?:sun|sat|wed|thu|thur|thurs|fri|mon|tue|tues)$/i;
const BARE_NUMBER = /^(?:at\s+)?\d{1,2}(?:\.\d+)?$/i;

export const dropUnlikely: Refiner & { id: string } = {
  id: 'time/drop-unlikely',
  refine: (_ctx, results: ParsingResult[]): ParsingResult[] =>
    results.filter((r) => {
      if (readAnnotation(r.start)) return true;
      const t = r.text.trim();
      if (/^\d*(?:\.\d*)?$/.test(t.replace(' ', ''))) return false;
      if (!r.start.isValidDate() || (r.end && !r.end.isValidDate())) return false;
      if (NOT_A_TIME.test(t) || WEEKDAY_ABBR.test(t)) return false;
      if (BARE_NUMBER.test(t)) return false;
      return true;
    }),
};
