/**
 * A month named with a direction: "last May", "next June", "this March", "early last July".
 * "last May" is the latest May before the reference month; "next June" the first after it;
 * "this March" the one of the reference year.
 */
import { monthValue, partialValue } from '../calendar.js';
import { anchorDay, anchored } from '../context.js';
import { newsParser } from './base.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sept?', 'oct', 'nov', 'dec'];

const WHICH = 2, MONTH = 3; // group 1: an optional early/late/mid, kept in the extent

export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  return i >= 0 ? i + 1 : ABBR.findIndex((a) => new RegExp(`^${a}$`).test(w)) + 1;
}

export const relativeMonth = newsParser({
  id: 'time/relative-month',
  gate: () => ABBR.map((a) => a.replace('?', '')).join('|'),
  pattern: () => String.raw`((?:early|late|mid)[\s-]+)?(last|next|this|past|coming)\s+(${MONTHS.join('|')}|(?:${ABBR.join('|')})\.)`,
  extract: (ctx, m) => {
    const mo = monthNumber(m[MONTH]!);
    if (!mo) return null;
    if (!anchored(ctx)) return { type: 'DATE', value: `XXXX-${String(mo).padStart(2, '0')}`, interval: partialValue(`XXXX-${String(mo).padStart(2, '0')}`) };
    const ref = anchorDay(ctx);
    const which = m[WHICH]!.toLowerCase();
    const y = which === 'this' ? ref.y : which === 'next' || which === 'coming' ? (mo > ref.m ? ref.y : ref.y + 1) : mo < ref.m ? ref.y : ref.y - 1;
    const v = monthValue(y, mo);
    return { type: 'DATE', value: v.timex, interval: v };
  },
});
