/**
 * Refiner: one event per phrase. "a bilateral meeting" or "the phone call talks" hit two
 * triggers of one type side by side; keep the first. A trigger inside a status cue
 * ("no agreement", "had a meeting") yields when another trigger shares its clause: there
 * the cue speaks of that other event.
 */
import type { Draft, EventContext } from '../context.js';

export function mergeAdjacent(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && prev.type === d.type && prev.info.arity === d.info.arity && /^[\s-]*$/.test(text.slice(prev.trigger.end, d.trigger.start))) continue;
    out.push(d);
  }
  return out.filter((d) => {
    const inCue = ctx.cues.some((c) => c.start <= d.trigger.start && d.trigger.end <= c.end && c.entry.status !== 'held');
    if (!inCue) return true;
    return !out.some((o) => o !== d && o.clause.start === d.clause.start && o.clause.end === d.clause.end && !(o.trigger.start >= d.trigger.start && o.trigger.end <= d.trigger.end));
  });
}
