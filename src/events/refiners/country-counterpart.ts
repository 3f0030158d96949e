/**
 * Refiner: "a summit with Damaris was planned", said by a member of the other government: a
 * country named alone as the other party leaves the speaker's side as the first. The speaker
 * takes part; event clustering then reads a government's person next to a country as that
 * government (cluster.ts), so the summit is Ostrelia's with Damaris. Likewise "a takeover by
 * Quill Motors had been agreed", said by an officer of Brenner Works: his company is the other
 * party, when it is of the same kind as the one named. Runs after anaphora: an
 * event named before with both parties is a better source of the missing one.
 */
import type { LocalEntity } from '../../core/types.js';
import type { Draft, EventContext } from '../context.js';

export function countryCounterpart(ctx: EventContext, drafts: Draft[]): Draft[] {
  const countries = new Set(ctx.candidates.filter((c) => c.country).map((c) => c.local));
  const affiliated = new Set(ctx.doc.locals.filter((l) => l.affiliation).map((l) => l.id));
  let byName: Map<string, LocalEntity> | null = null;
  for (const d of drafts) {
    const speaker = d.statement?.speaker.local;
    if (!speaker || !affiliated.has(speaker) || d.info.arity !== 2 || d.participants.length !== 1) continue;
    if (d.participants.includes(speaker)) continue;
    if (countries.has(d.participants[0]!)) {
      d.participants = [speaker, ...d.participants];
      d.rule += '+country-counterpart';
      continue;
    }
    // "a takeover by Quill Motors had been agreed", said by the Brenner Works chairman: the
    // speaker's own company is the other party, where the event admits companies.
    if (!d.info.participantTypes.has('organization')) continue;
    byName ??= new Map(ctx.doc.locals.map((l) => [l.name, l]));
    const own = byName.get(ctx.doc.locals.find((l) => l.id === speaker)!.affiliation!);
    const other = ctx.doc.locals.find((l) => l.id === d.participants[0]);
    if (own && own.id !== d.participants[0] && d.info.participantTypes.has(own.type) && own.type === other?.type) {
      d.participants = [own.id, ...d.participants];
      d.rule += '+speaker-affiliation';
    }
  }
  return drafts;
}
