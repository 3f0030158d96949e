/**
 * Settling overlaps between mention passes, in this order:
 *  1. A description that ends right before a name, with only spaces between, is the name's
 *     role ("spokeswoman Ada Vell", "the Norvish envoy Ida Marr"): it joins the name mention.
 *  2. A description inside a name mention is dropped (the name read its titles already); a name
 *     inside a description is dropped ("a Harbour Board official" is one mention).
 *  3. Partial overlaps keep the name.
 * Pronouns never overlap names; they are merged in last. Output sorted by start.
 */
import type { MentionDraft } from './draft.js';

export function settleOverlaps(text: string, names: MentionDraft[], descriptions: MentionDraft[], pronouns: MentionDraft[]): MentionDraft[] {
  const byStart = [...names].sort((a, b) => a.start - b.start);
  const keptDesc: MentionDraft[] = [];
  const droppedName = new Set<MentionDraft>();
  let j = 0;
  for (const d of descriptions.sort((a, b) => a.start - b.start)) {
    while (j < byStart.length && byStart[j]!.end <= d.start) j++;
    // names that could touch d: from j on while start <= d.end + 1
    let absorbed = false;
    let dropped = false;
    for (let k = j; k < byStart.length && byStart[k]!.start <= d.end + 1; k++) {
      const n = byStart[k]!;
      if (droppedName.has(n)) continue;
      if (n.start >= d.end && /^[ \t]+$/.test(text.slice(d.end, n.start)) && n.kind === 'name' && (n.type === 'person' || n.type === 'unknown') && !d.plural) {
        n.start = d.start;
        n.roles = [...new Set([...d.roles, ...n.roles])];
        n.affiliation ??= d.affiliation;
        n.gender ??= d.gender;
        n.type = 'person';
        absorbed = true;
        break;
      }
      if (n.end <= d.start || n.start >= d.end) continue;
      if (n.start <= d.start && d.end <= n.end) dropped = true;
      else if (d.start <= n.start && n.end <= d.end) droppedName.add(n);
      else dropped = true;
    }
    if (!absorbed && !dropped) keptDesc.push(d);
  }
  const all = [...names.filter((n) => !droppedName.has(n)), ...keptDesc];
  all.sort((a, b) => a.start - b.start);
  // One sweep: pronouns and mentions are both sorted by start.
  const kept: MentionDraft[] = [];
  let k = 0;
  let reach = -1;
  for (const p of [...pronouns].sort((a, b) => a.start - b.start)) {
    while (k < all.length && all[k]!.start <= p.start) reach = Math.max(reach, all[k++]!.end);
    if (reach < p.end) kept.push(p);
  }
  const out = [...all, ...kept];
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
