import { describe, expect, it } from 'vitest';
import { findTimexes } from '../../src/time/index.js';

type Case = [text: string, ref: string | null, expr: string, type: string, value: string, interval?: string | null];

/** Each case: the expression must be found with that type, value and (start..end granularity). */
const cases: Case[] = [
  // past bias, around a year end
  ['The envoy arrived on Dec. 30 for talks.', '2025-01-02', 'Dec. 30', 'DATE', '2024-12-30', '2024-12-30..2024-12-30 day'],
  ['The committee voted last week to delay the plan.', '2025-01-02', 'last week', 'DATE', '2024-W52', '2024-12-23..2024-12-29 week'],
  ['The mayor spoke on Thursday about the budget.', '2025-01-02', 'on Thursday', 'DATE', '2025-01-02', '2025-01-02..2025-01-02 day'],
  ['The mayor spoke on Friday about the budget.', '2025-01-02', 'on Friday', 'DATE', '2024-12-27', '2024-12-27..2024-12-27 day'],
  // future tense moves forward
  ['The ministers will meet on Friday in the capital.', '2025-01-02', 'on Friday', 'DATE', '2025-01-03', '2025-01-03..2025-01-03 day'],
  ['The summit is scheduled for March 13 in the capital.', '2025-10-21', 'March 13', 'DATE', '2026-03-13', '2026-03-13..2026-03-13 day'],
  ['The delegation toured the port on March 13.', '2025-10-21', 'March 13', 'DATE', '2025-03-13'],
  // periods
  ['Prices rose this year and will fall next month.', '2025-10-21', 'this year', 'DATE', '2025', '2025-01-01..2025-12-31 year'],
  ['Prices rose this year and will fall next month.', '2025-10-21', 'next month', 'DATE', '2025-11', '2025-11-01..2025-11-30 month'],
  ['Sales dropped last month.', '2025-01-15', 'last month', 'DATE', '2024-12', '2024-12-01..2024-12-31 month'],
  ['He lost the race last May.', '2025-03-01', 'last May', 'DATE', '2024-05'],
  ['A deal could come as early as next week.', '2025-10-21', 'next week', 'DATE', '2025-W44', '2025-10-27..2025-11-02 week'],
  ['The factory closed two years ago.', '2025-10-21', 'two years ago', 'DATE', '2023'],
  ['The bridge opened in 1998 after delays.', '2025-10-21', '1998', 'DATE', '1998'],
  ['Wages stalled in the 1980s.', '2025-10-21', 'the 1980s', 'DATE', '198'],
  ['The team trained last summer in the hills.', '2025-03-10', 'last summer', 'DATE', '2024-SU', '2024-06-01..2024-08-31 range'],
  // vague and ranges
  ['An answer is expected in the coming days.', '2025-10-21', 'in the coming days', 'DATE', 'FUTURE_REF', '2025-10-21..2025-10-28 range'],
  ['Officials are currently reviewing the bids.', '2025-10-21', 'currently', 'DATE', 'PRESENT_REF'],
  ['The council wants a decision within two weeks.', '2025-10-21', 'within two weeks', 'DURATION', 'P2W', '2025-10-21..2025-11-04 range'],
  // durations and sets
  ['The strike lasted five days.', '2025-10-21', 'five days', 'DURATION', 'P5D'],
  ['Negotiators spent two weeks on the text.', '2025-10-21', 'two weeks', 'DURATION', 'P2W'],
  ['The board has met for the past three years.', '2025-10-21', 'for the past three years', 'DURATION', 'P3Y'],
  ['A four-week course begins soon.', '2025-10-21', 'four-week', 'DURATION', 'P4W'],
  ['The inspectors visit every week.', '2025-10-21', 'every week', 'SET', 'P1W'],
  // times of day
  ['The vote closed at 7:12 p.m. on Oct. 21, 2025.', null, 'at 7:12 p.m. on Oct. 21, 2025', 'TIME', '2025-10-21T19:12'],
  ['The sirens sounded Sunday night across the city.', '2025-10-22', 'Sunday night', 'TIME', '2025-10-19TNI'],
  // undated documents keep partial values
  ['The minister landed on Oct. 21 for talks.', null, 'Oct. 21', 'DATE', 'XXXX-10-21', 'null..null partial'],
  ['The minister landed on Tuesday for talks.', null, 'on Tuesday', 'DATE', 'XXXX-WXX-2', 'null..null partial'],
  ['The minister landed last week for talks.', null, 'last week', 'DATE', 'XXXX-WXX', 'null..null partial'],
  ['The minister landed on Oct. 21, 2024 for talks.', null, 'Oct. 21, 2024', 'DATE', '2024-10-21', '2024-10-21..2024-10-21 day'],
];

describe('findTimexes', () => {
  it.each(cases)('%s (ref %s): %s', (text, ref, expr, type, value, interval) => {
    const found = findTimexes(text, ref);
    const hit = found.find((t) => text.slice(t.span.start, t.span.end) === expr);
    expect(hit, `found: ${found.map((t) => text.slice(t.span.start, t.span.end)).join(' | ')}`).toBeDefined();
    expect(hit!.type).toBe(type);
    expect(hit!.value).toBe(value);
    if (interval !== undefined) {
      const iv = hit!.interval ? `${hit!.interval.start}..${hit!.interval.end} ${hit!.interval.granularity}` : null;
      expect(iv).toBe(interval);
    }
  });

  it.each([
    'The committee may decide to march on the capital.',
    'The firm hired 2,010 people and paid $2010 in fees.',
    'She scored 12 points in the second half.',
  ])('finds no time in %s', (text) => {
    expect(findTimexes(text, '2025-10-21').map((t) => text.slice(t.span.start, t.span.end))).toEqual([]);
  });

  it('spans point into the text', () => {
    const text = 'First line.\nOn Monday, the mayor said the vote will be held next month.';
    for (const t of findTimexes(text, '2025-10-21')) expect(t.span.end).toBeLessThanOrEqual(text.length);
    expect(findTimexes(text, '2025-10-21').map((t) => text.slice(t.span.start, t.span.end))).toEqual(['On Monday', 'next month']);
  });
});
