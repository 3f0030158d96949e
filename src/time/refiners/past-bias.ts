/**
 * News reports what happened: a bare "March 13", "in August" or "on Thursday" is the one on or
 * before the reference day, unless its sentence is future-tense ("will meet on Thursday"), then
 * the one on or after it. chrono's own choice (nearest, or forward) is replaced. Dates with a
 * stated year, or a "last/next/this" of their own, are left alone.
 */
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { addDays, compare, weekday, type Ymd } from '../calendar.js';
import { anchorDay, anchored, sentenceOf } from '../context.js';
import { readAnnotation } from '../tags.js';
import { tenseAt, type Tense } from '../tense.js';

const tenseIn = (ctx: ParsingContext, a: number, b: number): Tense => {
  const s = sentenceOf(ctx);
  return tenseAt(s.text, s.offset + a, s.offset + b);
};

const OWN_DIRECTION = /\b(?:last|next|this|past|coming|previous|following|ago|later|from\s+now|yesterday|tomorrow|today|tonight)\b/i;

function bias(c: ParsingComponents, ref: Ymd, tense: Tense): void {
  if (c.isCertain('year') || readAnnotation(c)) return;
  if (c.isCertain('month') && c.isCertain('day')) {
    const m = c.get('month')!, d = c.get('day')!;
    const onOrBefore = compare({ y: ref.y, m, d }, ref) <= 0;
    c.imply('year', tense === 'past' ? (onOrBefore ? ref.y : ref.y - 1) : compare({ y: ref.y, m, d }, ref) >= 0 ? ref.y : ref.y + 1);
  } else if (c.isCertain('month')) {
    const m = c.get('month')!;
    c.imply('year', tense === 'past' ? (m <= ref.m ? ref.y : ref.y - 1) : m >= ref.m ? ref.y : ref.y + 1);
  } else if (c.isCertain('weekday') && !c.isCertain('day')) {
    const want = c.get('weekday')!;
    const diff = (want - weekday(ref) + 7) % 7;
    const day = tense === 'past' ? addDays(ref, diff === 0 ? 0 : diff - 7) : addDays(ref, diff);
    c.imply('year', day.y);
    c.imply('month', day.m);
    c.imply('day', day.d);
  }
}

export const pastBias: Refiner & { id: string } = {
  id: 'time/past-bias',
  refine: (ctx: ParsingContext, results: ParsingResult[]): ParsingResult[] => {
    if (!anchored(ctx)) return results;
    const ref = anchorDay(ctx);
    for (const r of results) {
      if (OWN_DIRECTION.test(r.text)) continue;
      const tense = tenseIn(ctx, r.index, r.index + r.text.length);
      bias(r.start, ref, tense);
      if (r.end) bias(r.end, ref, tense);
    }
    return results;
  },
};
