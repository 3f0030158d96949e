/**
 * Episodes: how a reader lists conflicts. An episode is one disputed claim (a conflict's first,
 * earlier claim), then every conflict that answers, reverses or retracts it, in the order
 * found; episodes come in the order of their first conflict. The report, the API and the UI
 * all group conflicts this way, so the grouping lives here, over any conflict shape.
 */

export interface Episode<K> {
  /** The id of the disputed claim. */
  claim: string;
  conflicts: K[];
}

export function episodes<K extends { claims: readonly [string, string] }>(conflicts: readonly K[]): Array<Episode<K>> {
  const byClaim = new Map<string, Episode<K>>();
  for (const k of conflicts) {
    const ep = byClaim.get(k.claims[0]);
    if (ep) ep.conflicts.push(k);
    else byClaim.set(k.claims[0], { claim: k.claims[0], conflicts: [k] });
  }
  return [...byClaim.values()];
}
