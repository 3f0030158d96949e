// PLACEHOLDER: the events helper replaces this file.
import type { Conflict, Entity, Event, LedgerClaim } from '../core/types.js';
/** Pairs of claims on one event that cannot both stand. */
export function findConflicts(_events: readonly Event[], _claims: readonly LedgerClaim[], _entities: readonly Entity[]): Conflict[] { return []; }
