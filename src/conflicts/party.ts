/**
 * Whose claim it is, for conflicts: its source, or, when the article narrates an act ("Brix
 * walked away from the takeover"), the party who acts (LedgerClaim.actor). A claim counts only
 * through a party with a side: a lone reporter, an outlet, a news agency or a bare description
 * ("reporters") carries what others say and takes no position of its own, so its claims
 * oppose no one and retract nothing.
 */
import type { Entity, LedgerClaim } from '../core/types.js';

/** Roles of a channel (data/lexicons/roles.yml, role/media): who reports, not who acts. */
const CHANNEL_ROLE = /^(?:media|state media|state television|state tv|news agency|newspaper|broadcaster|outlet)$/i;

export interface Party {
  entity: string;
  side: string;
}

export function partyResolver(entities: readonly Entity[]): (c: LedgerClaim) => Party | null {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return (c) => {
    // The actor stands in only for a narrated claim: a said one is its speaker's, named or not.
    const narrated = c.source === null && c.claim.sourceText === null;
    const id = c.source ?? (narrated ? c.actor : null) ?? null;
    const e = id ? byId.get(id) : undefined;
    if (!id || !e?.side) return null;
    if (e.roles.some((r) => CHANNEL_ROLE.test(r))) return null;
    // A description standing for itself ("reporters", "analysts") names no party with a side.
    if (e.side === e.name && !/\p{Lu}/u.test(e.name)) return null;
    return { entity: id, side: e.side };
  };
}
