/**
 * Refiner: "it was A, not B, who spoke with C" (or "A, and not B,"): the event happened
 * with A and did not with B. The draft splits: held for A and the others, not_held for B
 * and the others. This is how a same-side correction is usually phrased.
 */
import type { Draft, EventContext } from '../context.js';

/** Right before B: ", not" or ", and not". A's mention may carry a tail up to that comma. */
const NOT_B = /,\s*(?:and\s+)?not\s+$/iu;
const TAIL = /^[^,]{0,60}$/u;
const WHO = /^\s*,?\s*(?:who|that)\s/iu;

export function contrastiveNot(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  const out: Draft[] = [];
  for (const d of drafts) {
    out.push(d);
    if (!d.status || d.status.status !== 'held' || d.participants.length < 2) continue;
    const cands = ctx.candidates.filter((c) => c.start >= d.clause.start && c.end <= d.trigger.start && d.info.participantTypes.has(c.type));
    for (let i = 0; i + 1 < cands.length; i++) {
      const a = cands[i]!;
      const b = cands[i + 1]!;
      const between = text.slice(a.end, b.start);
      const not = NOT_B.exec(between);
      if (!not || !TAIL.test(between.slice(0, not.index))) continue;
      // B's mention may end before a descriptive tail ("not the American leader,"): accept up to the comma.
      const tail = text.slice(b.end, d.trigger.start);
      if (!WHO.test(tail.replace(/^[^,]*,/, ','))) continue;
      const rest = d.participants.filter((p) => p !== a.local && p !== b.local);
      out.pop();
      out.push({ ...d, participants: [a.local, ...rest], rule: `${d.rule}+contrastive-not` });
      out.push({ ...d, participants: [b.local, ...rest], rule: `${d.rule}+contrastive-not`, status: { ...d.status, status: 'not_held' } });
      break;
    }
  }
  return out;
}
