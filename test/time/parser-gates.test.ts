import { describe, it, expect } from 'vitest';
import { newsChrono, newsChronoFor } from '../../src/time/config.js';

const instant = new Date(Date.UTC(2024, 4, 6, 12));
const option = { forwardDate: false, reference: { y: 2024, m: 5, d: 6 }, placeholder: { y: 2000, m: 6, d: 15 } };
const read = (c: ReturnType<typeof newsChrono>, text: string) => c.parse(text, { instant, timezone: 0 }, option as never).map((r) => [r.index, r.text, [...r.start.tags()].sort().join(' ')]);
// chrono's parsers by class, ours (plain objects) by id.
const names = (text: string) => newsChronoFor(text).parsers.map((p) => (p as { id?: string }).id ?? p.constructor.name);

describe('chrono parser gates', () => {
  it.each([
    'The talks resumed on Tuesday, two days after the ceasefire.',
    'The vote is set for March 3, 2025 at 5 p.m. in the old hall.',
    'She said three weeks ago that the deal was dead; it was revived last month.',
    'The envoy arrives tomorrow morning and leaves on the 12th of June.',
    'Officials met on 2024-05-01 and again on 5/3, then over the weekend.',
    'The plan, first floated in the spring, could be signed within two weeks or by the end of the month.',
    'No date was given for the meeting.',
  ])('finds in %j what the full configuration finds', (text) => {
    expect(read(newsChronoFor(text), text)).toEqual(read(newsChrono(), text));
  });

  it('leaves out the parsers a text cannot match', () => {
    const plain = names('The minister said the summit was planned.');
    expect(plain).not.toContain('ENWeekdayParser');
    expect(plain).not.toContain('ENMonthNameMiddleEndianParser');
    expect(plain).not.toContain('ENTimeExpressionParser');
    expect(names('on Thursday at 9')).toEqual(expect.arrayContaining(['ENWeekdayParser', 'ENTimeExpressionParser']));
    expect(plain).not.toContain('time/year');
    expect(plain).not.toContain('time/season');
    expect(names('over the summer of 2019')).toEqual(expect.arrayContaining(['time/year', 'time/season']));
    // A parser without a gate always runs.
    expect(plain).toContain('time/vague');
  });
});
