/**
 * Seasons: "last summer", "this spring", "over the summer", "in the winter of 2022" ->
 * TIMEX3 '2024-SU' with the season's months as interval. A bare "over the summer" is the
 * coming one in a future-tense sentence, the last one otherwise.
 */
import { addMonths, daysInMonth, partialValue, rangeValue } from '../calendar.js';
import { anchorDay, anchored, sentenceOf } from '../context.js';
import type { ParsingContext } from 'chrono-node';
import { tenseAt, type Tense } from '../tense.js';

const tenseIn = (ctx: ParsingContext, a: number, b: number): Tense => {
  const s = sentenceOf(ctx);
  return tenseAt(s.text, s.offset + a, s.offset + b);
};
import { newsParser } from './base.js';

const WHICH = 1, SEASON = 2, YEAR = 3;

export const season = newsParser({
  id: 'time/season',
  gate: (lex) => lex.seasonAlt,
  pattern: (lex) =>
    String.raw`(?:(?:(?:in|over|during|through|throughout|by|until|since|before|after|for)\s+the\s+)|(last|this|next|past|coming|early|late|mid)[\s-]+)(${lex.seasonAlt})(?:\s+(?:of\s+)?((?:19|20)\d\d))?`,
  extract: (ctx, m, lex) => {
    const s = lex.season(m[SEASON]!);
    if (!s) return null;
    const [a, b] = s.months;
    const which = (m[WHICH] ?? '').toLowerCase();
    let y: number;
    if (m[YEAR]) y = Number(m[YEAR]);
    else {
      if (!anchored(ctx)) return { type: 'DATE', value: `XXXX-${s.code}`, interval: partialValue(`XXXX-${s.code}`) };
      const ref = anchorDay(ctx);
      // Year in which this season starts, for the one around the reference day.
      const started = ref.m >= a ? ref.y : ref.y - 1;
      const current = b >= a ? (ref.m >= a && ref.m <= b ? ref.y : null) : ref.m >= a || ref.m <= b ? started : null;
      const lastDone = b >= a ? (ref.m > b ? ref.y : ref.y - 1) : ref.m > b && ref.m < a ? ref.y - 1 : started - 1;
      const nextUp = b >= a ? (ref.m < a ? ref.y : ref.y + 1) : started + 1;
      if (which === 'last' || which === 'past') y = lastDone;
      else if (which === 'next' || which === 'coming') y = nextUp;
      else if (which === 'this') y = current ?? (tenseIn(ctx, m.index!, m.index! + m[0].length) === 'future' ? nextUp : lastDone);
      else y = current ?? (tenseIn(ctx, m.index!, m.index! + m[0].length) === 'future' ? nextUp : lastDone);
    }
    const x = `${y}-${s.code}`;
    const endYm = b >= a ? { y, m: b } : addMonths(y, b, 12);
    return { type: 'DATE', value: x, interval: rangeValue({ y, m: a, d: 1 }, { y: endYm.y, m: endYm.m, d: daysInMonth(endYm.y, endYm.m) }, x) };
  },
});
