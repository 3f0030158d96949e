/**
 * Refiner: "a summit with Damaris was planned", said by a member of the other government: a
 * country named alone as the other party leaves the speaker's side as the first. The speaker
 * takes part; event clustering then reads a government's person next to a country as that
 * government (cluster.ts), so the summit is Ostrelia's with Damaris. Runs after anaphora: an
 * event named before with both parties is a better source of the missing one.
 */
import type { Draft, EventContext } from '../context.js';

export function countryCounterpart(ctx: EventContext, drafts: Draft[]): Draft[] {
  const countries = new Set(ctx.candidates.filter((c) => c.country).map((c) => c.local));
  const affiliated = new Set(ctx.doc.locals.filter((l) => l.affiliation).map((l) => l.id));
  for (const d of drafts) {
    const speaker = d.statement?.speaker.local;
    if (!speaker || !affiliated.has(speaker) || d.info.arity !== 2 || d.participants.length !== 1) continue;
    if (!countries.has(d.participants[0]!) || d.participants.includes(speaker)) continue;
    d.participants = [speaker, ...d.participants];
    d.rule += '+country-counterpart';
  }
  return drafts;
}
