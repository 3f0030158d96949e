/**
 * Rule: where. A capitalized "in X" right after the trigger ("a summit in Lakeport"), or a
 * place mention just before a noun trigger ("the Lakeport summit"). Months, days and
 * sentence words are not places.
 */
import type { Draft, EventContext } from '../context.js';

const IN_PLACE = /^[^,.;:!?]{0,40}?(?<![\p{L}])in\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/u;
const NOT_PLACE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|Person|Principle|Fact|Return|Exchange|Order|Time)\b/u;

export function findPlace(ctx: EventContext, d: Draft): void {
  const { text } = ctx.doc;
  const after = text.slice(d.trigger.end, Math.min(d.clause.end, d.trigger.end + 60));
  const m = IN_PLACE.exec(after);
  if (m && !NOT_PLACE.test(m[1]!)) {
    d.place = m[1]!.replace(/[.’']+$/u, '');
    return;
  }
  if (d.info.pos !== 'noun') return;
  // Only a mention ending in the white space right before the trigger can qualify.
  let ws = d.trigger.start;
  while (ws > 0 && /\s/.test(text[ws - 1]!)) ws--;
  const before = ctx.candidatesEndingIn(ws, d.trigger.start + 1).find((c) => c.type === 'place' && c.end <= d.trigger.start && /^\s*$/.test(text.slice(c.end, d.trigger.start)));
  if (before) d.place = text.slice(before.start, before.end);
}
