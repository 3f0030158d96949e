/**
 * The news configuration of chrono: its casual English parsers and refiners, plus ours.
 *
 * Parsers: ours go first. chrono's OverlapRemovalRefiner keeps the longer of two overlapping
 * results and, on a tie, the earlier one in parser order, so "next month", "within two weeks"
 * or "now" read by both end up with our TIMEX3 annotation (week/month/year intervals,
 * durations, PRESENT_REF) rather than chrono's single day.
 *
 * Refiners: ours go last (chrono's UnlikelyFormatFilter is replaced by dropUnlikely), after chrono has merged date+time, weekday+date and date ranges, so
 * that the past bias sees whole expressions, and the filter sees what is finally kept.
 */
import { casual, type Chrono } from 'chrono-node';
import { relativePeriod } from './parsers/relative-period.js';
import { relativeMonth } from './parsers/relative-month.js';
import { duration, vagueDuration } from './parsers/duration.js';
import { year } from './parsers/year.js';
import { season } from './parsers/season.js';
import { vague } from './parsers/vague.js';
import { set } from './parsers/set.js';
import { pastBias } from './refiners/past-bias.js';
import { dropUnlikely } from './refiners/drop-unlikely.js';
import { gateParsers, type GatedChrono } from './parser-gates.js';

export const newsParsers = [
  set, // "every week" before the duration parser sees "week"
  relativePeriod,
  relativeMonth,
  season,
  duration,
  vagueDuration,
  vague,
  year, // after season: "the summer of 2022" is one season, not a season and a year
];

export const newsRefiners = [
  dropUnlikely, // first: a dropped "may" must not steer the past bias
  pastBias,
];

let instance: Chrono | null = null;

export function newsChrono(): Chrono {
  if (instance) return instance;
  const c = casual.clone();
  c.parsers.unshift(...newsParsers);
  // chrono's UnlikelyFormatFilter drops every all-digit result, our "2009" too; dropUnlikely
  // does its job for chrono's own results and keeps ours.
  const before = c.refiners.length;
  c.refiners = c.refiners.filter((r) => r.constructor.name !== 'UnlikelyFormatFilter');
  if (c.refiners.length !== before - 1) throw new Error('time: chrono configuration changed: UnlikelyFormatFilter not found once');
  c.refiners.push(...newsRefiners);
  instance = c;
  return c;
}

let gated: GatedChrono | null = null;

/** The news configuration for one text: the same results, with only the parsers that can match it. */
export function newsChronoFor(text: string): Chrono {
  gated ??= gateParsers(newsChrono());
  return gated.forText(text);
}
