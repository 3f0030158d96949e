/**
 * What our own parsers know travels through chrono's refiners as result tags (the only field
 * chrono copies when it merges results): the TIMEX3 type, value and resolved interval.
 */
import type { ParsingComponents } from 'chrono-node';
import type { Granularity, TimeValue, TimexType } from '../core/types.js';

const P = 'walkback/';

export interface Annotation {
  type: TimexType;
  value: string;
  interval: TimeValue | null;
  /** The rule (parser id) that made it. */
  rule: string;
}

export function annotate(target: ParsingComponents, a: Annotation): void {
  const tags = [`${P}rule=${a.rule}`, `${P}type=${a.type}`, `${P}value=${a.value}`];
  if (a.interval) tags.push(`${P}interval=${a.interval.start ?? ''}|${a.interval.end ?? ''}|${a.interval.granularity}|${a.interval.timex}`);
  target.addTags(tags);
}

export function readAnnotation(r: { tags(): Set<string> }): Annotation | null {
  let type: TimexType | null = null;
  let value: string | null = null;
  let rule = '';
  let interval: TimeValue | null = null;
  for (const t of r.tags()) {
    if (!t.startsWith(P)) continue;
    const eq = t.indexOf('=');
    const key = t.slice(P.length, eq);
    const v = t.slice(eq + 1);
    if (key === 'type') type = v as TimexType;
    else if (key === 'value') value = v;
    else if (key === 'rule') rule = v;
    else if (key === 'interval') {
      const [s, e, g, x] = v.split('|');
      interval = { start: s || null, end: e || null, granularity: g as Granularity, timex: x ?? '', implied: false };
    }
  }
  return type && value !== null ? { type, value, interval, rule } : null;
}
