/** Recurring times: "every week", "annually", "each morning", "every Monday" -> SET. */
import { newsParser } from './base.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const set = newsParser({
  id: 'time/set',
  gate: (lex) => `every|each|${lex.setAlt}`,
  pattern: (lex) => String.raw`(?:every|each)\s+(${DAYS.join('|')})|${lex.setAlt}`,
  extract: (_ctx, m, lex) => {
    if (m[1]) {
      const d = DAYS.indexOf(m[1].toLowerCase());
      return { type: 'SET', value: `XXXX-WXX-${d === 0 ? 7 : d}`, interval: null };
    }
    const v = lex.set(m[0]);
    return v ? { type: 'SET', value: v, interval: null } : null;
  },
});
