import { describe, expect, it } from 'vitest';
import { createDoc, emptyMeta } from '../../src/core/doc.js';
import { span } from '../../src/core/span.js';
import type { Statement } from '../../src/core/types.js';
import { annotateTime, eventTimeIn, timeAt } from '../../src/time/index.js';
import { exportDate } from '../../src/report/export.js';

function analysed(text: string, published: string | null) {
  const meta = emptyMeta('txt');
  meta.published = published ? { date: published, source: 'option', raw: published } : null;
  const d = createDoc({ id: 'd', source: 's', rawHash: '', text, meta });
  const cue = /\b(said|told)\b/.exec(text);
  const st: Statement = {
    id: 's1', span: span(0, text.length, 'test'), content: span(0, 1, 'test'), cue: cue ? span(cue.index, cue.index + cue[0].length, 'test') : null,
    kind: 'indirect', speaker: { span: null, text: 'x', mention: null, local: null }, addressee: null, channel: null, date: null, rule: 'test',
  };
  d.statements = [st];
  annotateTime(d);
  return { d, st };
}

// Wednesday 2025-10-22 is the publication date in most cases.
const cases: Array<[text: string, published: string | null, date: unknown]> = [
  ['The minister said on Tuesday that the plan was dead.', '2025-10-22', '2025-10-21'],
  ['On Monday, the minister said the plan was dead.', '2025-10-22', '2025-10-20'],
  ['The minister said last week that the plan was dead.', '2025-10-22', { start: '2025-10-13', end: '2025-10-19', granularity: 'week', timex: '2025-W42', implied: false }],
  ['The minister said the plan was dead.', '2025-10-22', '2025-10-22'],
  ['The minister said the talks will resume on Friday.', '2025-10-22', '2025-10-22'],
  ['The minister said on Tuesday that the plan was dead.', null, null],
  ['The minister said on Oct. 21, 2025 that the plan was dead.', null, '2025-10-21'],
];

describe('statement dates', () => {
  it.each(cases)('%s (published %s)', (text, published, date) => {
    const { st } = analysed(text, published);
    expect(exportDate(st.date)).toEqual(date);
  });

  it.each([
    ['The minister said the plan was dead.', true],
    ['The minister said the talks will resume on Friday.', true],
    ['The minister said on Tuesday that the plan was dead.', false],
  ] as const)('%s: implied %s', (text, implied) => {
    expect(analysed(text, '2025-10-22').st.date?.implied).toBe(implied);
  });

  it('timeAt without a cue finds the reporting verb itself', () => {
    const { d } = analysed('Late on Sunday the spokesman told reporters nothing had changed.', '2025-10-22');
    expect(exportDate(timeAt(d, span(0, d.text.length, 'test')))).toBe('2025-10-19');
  });
});

describe('eventTimeIn', () => {
  const cases2: Array<[text: string, timex: string, granularity: string]> = [
    ['The leaders could meet within two weeks, an aide said on Monday.', 'P2W', 'range'],
    ['The minister said on Monday that the summit will be held next month.', '2025-11', 'month'],
    ['Officials said a visit could come in the coming days.', 'FUTURE_REF', 'range'],
    ['The minister said on Monday the two will meet on Friday.', '2025-10-24', 'day'],
  ];
  it.each(cases2)('%s', (text, timex, granularity) => {
    const { d } = analysed(text, '2025-10-22');
    const t = eventTimeIn(d, span(0, d.text.length, 'test'));
    expect(t?.timex).toBe(timex);
    expect(t?.granularity).toBe(granularity);
  });

  it('is null when only the statement is dated', () => {
    const { d } = analysed('The minister said on Monday that talks had failed.', '2025-10-22');
    expect(eventTimeIn(d, span(0, d.text.length, 'test'))).toBeNull();
  });
});
