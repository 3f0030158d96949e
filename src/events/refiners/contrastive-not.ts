/**
 * Refiner: "it was A, not B, who spoke with C" (or "A, and not B,"): the event happened
 * with A and did not with B. The draft splits: held for A and the others, not_held for B
 * and the others. This is how a same-side correction is usually phrased. So is "it was A who
 * spoke with C, and not B".
 */
import type { Draft, EventContext } from '../context.js';

/** Right before B: ", not" or ", and not". A's mention may carry a tail up to that comma. */
const NOT_B = /,\s*(?:and\s+)?not\s+$/iu;
const CLEFT = /(?<![\p{L}])it\s+(?:was|is|had\s+been)\s+/iu;
/** After the clause: ", and not", ", not", "and not", then B. */
const NOT_AFTER = /^\s*,?\s*(?:and\s+|but\s+)?not\s+(?:the\s+)?/iu;
const TAIL = /^[^,]{0,60}$/u;
const WHO = /^\s*,?\s*(?:who|that)\s/iu;

export function contrastiveNot(ctx: EventContext, drafts: Draft[]): Draft[] {
  const { text } = ctx.doc;
  const out: Draft[] = [];
  for (const d of drafts) {
    out.push(d);
    if (!d.status || d.status.status !== 'held' || d.participants.length < 2) continue;
    const cands = ctx.candidatesIn(d.clause.start, d.trigger.start + 1).filter((c) => c.end <= d.trigger.start && d.info.participantTypes.has(c.type));
    // "it was A who spoke with C, and not B": the cleft names A, the tail after the clause names B.
    const cleft = CLEFT.exec(text.slice(d.clause.start, d.trigger.start));
    if (cleft) {
      const a = cands.find((c) => c.start >= d.clause.start + cleft.index + cleft[0].length && d.participants.includes(c.local));
      const tail = NOT_AFTER.exec(text.slice(d.clause.end, Math.min(d.region.end, d.clause.end + 20)));
      const b = a && tail ? ctx.candidatesIn(d.clause.end + tail[0].length, d.clause.end + tail[0].length + 1).find((c) => d.info.participantTypes.has(c.type)) : undefined;
      if (a && b && !d.participants.includes(b.local)) {
        out.pop();
        out.push({ ...d, rule: `${d.rule}+contrastive-not` });
        out.push({ ...d, participants: d.participants.map((p) => (p === a.local ? b.local : p)), rule: `${d.rule}+contrastive-not`, status: { ...d.status, status: 'not_held', evidence: { start: d.clause.start, end: b.end } } });
        continue;
      }
    }
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
