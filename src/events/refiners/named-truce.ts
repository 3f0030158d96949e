/**
 * Refiner: an article that names its truce as a deal ("their 90-day tariff truce", a deal form
 * in event-types.yml) means that truce by a bare "the truce" or "the temporary ceasefire" after
 * it: a pause in a trade war is an agreement between the parties, not a halt to fighting. The
 * later mentions take the deal's type, so they are one event with it.
 */
import type { Draft, EventContext } from '../context.js';

export function namedTruce(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  let deal: Draft | undefined;
  for (const d of drafts) {
    if (d.type === 'deal' && d.info.pos === 'noun' && ctx.lex.truceWordRe.test(text.slice(d.trigger.start, d.trigger.end))) deal ??= d;
    else if (deal && d.type === 'ceasefire' && d.info.pos === 'noun') {
      d.type = deal.type;
      d.info = deal.info;
      d.rule += '+named-truce';
    }
  }
  return drafts;
}
