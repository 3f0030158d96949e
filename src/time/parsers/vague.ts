/**
 * Vague times from the time-vague lexicon: "in the coming days" (FUTURE_REF, the next week as
 * interval), "recently" (PAST_REF), "now", "currently" (PRESENT_REF), "recent weeks" (PXW).
 */
import { addDays, dayValue, rangeValue } from '../calendar.js';
import { anchorDay, anchored } from '../context.js';
import { newsParser } from './base.js';

export const vague = newsParser({
  id: 'time/vague',
  pattern: (lex) => lex.vagueAlt,
  extract: (ctx, m, lex) => {
    const e = lex.vague(m[0]);
    if (!e) return null;
    let interval = null;
    if (anchored(ctx)) {
      const ref = anchorDay(ctx);
      if (e.anchor === 'present') interval = { ...dayValue(ref), timex: e.timex };
      else if (e.days && e.anchor === 'future') interval = rangeValue(ref, addDays(ref, e.days), e.timex);
      else if (e.days && e.anchor === 'past') interval = rangeValue(addDays(ref, -e.days), ref, e.timex);
    }
    return { type: e.type, value: e.timex, interval };
  },
});
