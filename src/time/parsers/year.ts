/**
 * A year on its own: "in 2009", "early 2011", "fiscal 2024", "the 1990s" (a decade, TIMEX3
 * '199'), "the 20th century" ('19'). Numbers that are amounts ("$2009", "2,010", "2010 people") are not years.
 */
import { pad, partialValue, rangeValue, yearValue } from '../calendar.js';
import { newsParser } from './base.js';

const YEAR = 1, DECADE = 2, CENTURY = 3;

const AMOUNT_AFTER = /^\s*(?:%|percent|people|persons|troops|soldiers|votes|members|units|points|dollars|euros|pounds|barrels|tons|tonnes|miles|kilometers|metres|meters|feet|km)\b/i;

export const year = newsParser({
  id: 'time/year',
  gate: () => String.raw`\d`,
  pattern: () => String.raw`(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle|spring|summer|autumn|fall|winter)\s+of|fiscal|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)[\s-]+)?(?:(1[6-9]\d\d|20\d\d)(?![,.]\d)|(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(1[6-9]\d0|20\d0|'\d0)s|(?:the\s+)?(1\d|2\d|\d)(?:st|nd|rd|th)[\s-]+century)`,
  extract: (ctx, m) => {
    const before = ctx.text.slice(Math.max(0, m.index! - 2), m.index!);
    if (/[$£€#\d]|No\.\s?$/.test(before)) return null;
    if (m[YEAR]) {
      const y = Number(m[YEAR]);
      const after = ctx.text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
      if (AMOUNT_AFTER.test(after)) return null;
      const v = yearValue(y);
      return { type: 'DATE', value: v.timex, interval: v };
    }
    if (m[CENTURY]) {
      const c = Number(m[CENTURY]) - 1;
      const x = pad(c, 2);
      return { type: 'DATE', value: x, interval: rangeValue({ y: c * 100, m: 1, d: 1 }, { y: c * 100 + 99, m: 12, d: 31 }, x) };
    }
    const d = m[DECADE]!;
    if (d.startsWith("'")) {
      const x = `19${d[1]}`;
      return { type: 'DATE', value: x, interval: partialValue(x) };
    }
    const start = Number(d);
    const x = String(start).slice(0, 3);
    return { type: 'DATE', value: x, interval: rangeValue({ y: start, m: 1, d: 1 }, { y: start + 9, m: 12, d: 31 }, x) };
  },
});
