/**
 * Finding a correction's items in a ledger: by id, else by anchor (an event's id changes when
 * articles arrive; its claims, which belong to their documents, do not move).
 */
import type { LedgerExport } from '../report/export.js';
import { nameKey } from '../text/fold.js';
import type { Anchor, ClaimAnchor, Item } from './kinds.js';

type Rows<K extends keyof LedgerExport> = LedgerExport[K][number];
export type EntityRow = Rows<'entities'>;
export type EventRow = Rows<'events'>;
export type ClaimRow = Rows<'claims'>;
export type ConflictRow = Rows<'conflicts'>;

const placeKey = (a: ClaimAnchor): string => `${a.document}\u0000${a.start}\u0000${a.end}`;

/** Where a claim row is, as an anchor. */
export const claimAnchor = (c: ClaimRow): ClaimAnchor => ({ claim: c.id, document: c.document, start: c.span.start, end: c.span.end });

/** The ledger's items by id, as corrections change them (Maps keep the ledger's order). */
export class LedgerIndex {
  readonly entities: Map<string, EntityRow>;
  readonly events: Map<string, EventRow>;
  readonly claims: Map<string, ClaimRow>;
  readonly conflicts: Map<string, ConflictRow>;
  /** Claim ids by place; a claim keeps its place, so this is built once. */
  private readonly claimAt: Map<string, string>;

  constructor(l: LedgerExport) {
    this.entities = new Map(l.entities.map((r) => [r.id, { ...r }]));
    this.events = new Map(l.events.map((r) => [r.id, { ...r }]));
    this.claims = new Map(l.claims.map((r) => [r.id, { ...r }]));
    this.conflicts = new Map(l.conflicts.map((r) => [r.id, { ...r }]));
    this.claimAt = new Map(l.claims.map((c) => [placeKey(claimAnchor(c)), c.id]));
  }

  table(item: Item): Map<string, { id: string }> {
    return item === 'entity' ? this.entities : item === 'event' ? this.events : item === 'claim' ? this.claims : this.conflicts;
  }

  /**
   * The id of the item `id` named when the correction was made; null when it is gone. An item
   * with claims is found by them: event and conflict ids are made from the clustering, and the
   * same id can name another event once articles arrive. Without claims, by id, then by name.
   */
  find(id: string, anchor: Anchor | undefined): string | null {
    if (!anchor) return null;
    if (!anchor.claims.length && this.table(anchor.item).has(id)) return id;
    switch (anchor.item) {
      case 'claim':
        return anchor.claims[0] ? this.claimOf(anchor.claims[0]) : null;
      case 'conflict': {
        const ids = anchor.claims.map((a) => this.claimOf(a));
        if (!ids.length || ids.some((x) => x === null)) return null;
        for (const k of this.conflicts.values()) if (ids.every((x) => k.claims.includes(x!))) return k.id;
        return null;
      }
      case 'event':
        return this.eventOfMost(anchor.claims);
      case 'entity': {
        if (this.entities.has(id)) return id;
        // Its name first, then its aliases (a short alias may name more than one entity).
        for (const key of anchor.names.map(nameKey)) {
          for (const e of this.entities.values()) if (key && [e.name, ...e.aliases].some((n) => nameKey(n) === key)) return e.id;
        }
        return null;
      }
    }
  }

  /** The claim by its id while it is where it was (two claims can share a span), else by its place. */
  private claimOf(a: ClaimAnchor): string | null {
    const same = this.claims.get(a.claim);
    if (same && same.document === a.document && same.span.start === a.start && same.span.end === a.end) return a.claim;
    const id = this.claimAt.get(placeKey(a));
    return id && this.claims.has(id) ? id : null;
  }

  /** The event that holds most of these claims now (on a tie, the event of the earliest of them). */
  private eventOfMost(anchors: ClaimAnchor[]): string | null {
    const votes = new Map<string, number>();
    for (const a of anchors) {
      const c = this.claimOf(a);
      const ev = c ? this.claims.get(c)!.event : null;
      if (ev && this.events.has(ev)) votes.set(ev, (votes.get(ev) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [ev, n] of votes) if (best === null || n > votes.get(best)!) best = ev;
    return best;
  }
}

/** How to find an item again: an event by its claims, a conflict by its two, a claim by its place, an entity by its names. */
export function anchorOf(index: LedgerIndex, item: Item, id: string): Anchor {
  const claimsOfEvent = (ev: string): ClaimRow[] => [...index.claims.values()].filter((c) => c.event === ev);
  switch (item) {
    case 'claim':
      return { item, claims: [claimAnchor(index.claims.get(id)!)], names: [] };
    case 'conflict':
      return { item, claims: index.conflicts.get(id)!.claims.flatMap((c) => (index.claims.has(c) ? [claimAnchor(index.claims.get(c)!)] : [])), names: [] };
    case 'event':
      return { item, claims: claimsOfEvent(id).map(claimAnchor), names: [] };
    case 'entity': {
      const e = index.entities.get(id)!;
      return { item, claims: [], names: [e.name, ...e.aliases] };
    }
  }
}
