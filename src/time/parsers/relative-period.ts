/**
 * "last week", "this month", "next year", "earlier this month", "the end of last year": the
 * calendar period before, around or after the reference day. "the past week" is a span
 * (DURATION P1W) ending on the reference day.
 */
import { addDays, addMonths, daysInMonth, monthValue, partialValue, rangeValue, weekValue, yearValue, pad, isoWeek, mondayOf } from '../calendar.js';
import { anchorDay, anchored } from '../context.js';
import { newsParser } from './base.js';

const MOD = 1, WHICH = 2, UNIT = 3;

const SHIFT: Record<string, number> = { last: -1, previous: -1, past: -1, this: 0, current: 0, next: 1, coming: 1, following: 1 };

export const relativePeriod = newsParser({
  id: 'time/relative-period',
  gate: () => 'week|month|year|quarter',
  pattern: () =>
    String.raw`((?:early|late|mid|earlier|later)[\s-]+|(?:the\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of\s+)?(?:the\s+)?(last|previous|past|this|current|next|coming|following)\s+(?:fiscal\s+|calendar\s+)?(week(?:end)?|month|year|quarter)`,
  extract: (ctx, m) => {
    const which = m[WHICH]!.toLowerCase();
    const unit = m[UNIT]!.toLowerCase();
    const ref = anchorDay(ctx);
    const n = SHIFT[which] ?? 0;
    const span = which === 'past' && !m[MOD];
    if (span) {
      // "the past week": a span ending today.
      const code = unit === 'week' ? 'P1W' : unit === 'month' ? 'P1M' : unit === 'year' ? 'P1Y' : unit === 'quarter' ? 'P3M' : 'P2D';
      const days = unit === 'week' ? 7 : unit === 'month' ? 30 : unit === 'year' ? 365 : unit === 'quarter' ? 91 : 2;
      return { type: 'DURATION', value: code, interval: anchored(ctx) ? rangeValue(addDays(ref, -days), ref, code) : null };
    }
    if (!anchored(ctx)) {
      const x = unit === 'week' ? 'XXXX-WXX' : unit === 'weekend' ? 'XXXX-WXX-WE' : unit === 'month' ? 'XXXX-XX' : unit === 'quarter' ? 'XXXX-QX' : 'XXXX';
      return { type: 'DATE', value: x, interval: partialValue(x) };
    }
    if (unit === 'week') {
      const v = weekValue(addDays(ref, 7 * n));
      return { type: 'DATE', value: v.timex, interval: v };
    }
    if (unit === 'weekend') {
      const sat = addDays(mondayOf(addDays(ref, 7 * n)), 5);
      const { y, w } = isoWeek(sat);
      const x = `${y}-W${pad(w)}-WE`;
      return { type: 'DATE', value: x, interval: rangeValue(sat, addDays(sat, 1), x) };
    }
    if (unit === 'month') {
      const { y, m: mo } = addMonths(ref.y, ref.m, n);
      const v = monthValue(y, mo);
      return { type: 'DATE', value: v.timex, interval: v };
    }
    if (unit === 'quarter') {
      const q0 = Math.floor((ref.m - 1) / 3) + n;
      const y = ref.y + Math.floor(q0 / 4);
      const q = ((q0 % 4) + 4) % 4;
      const x = `${y}-Q${q + 1}`;
      return { type: 'DATE', value: x, interval: rangeValue({ y, m: q * 3 + 1, d: 1 }, { y, m: q * 3 + 3, d: daysInMonth(y, q * 3 + 3) }, x) };
    }
    const v = yearValue(ref.y + n);
    return { type: 'DATE', value: v.timex, interval: v };
  },
});
