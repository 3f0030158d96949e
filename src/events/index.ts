// PLACEHOLDER: the events helper replaces this file.
import type { Doc, Event, LedgerClaim } from '../core/types.js';
import type { Canonical } from '../entities/index.js';
/** Fill doc.eventMentions and doc.claims. */
export function extractEvents(_doc: Doc): void {}
/** Cluster event mentions of all documents into events; place every claim on its event. */
export function clusterEvents(_docs: readonly Doc[], _canon: Canonical): { events: Event[]; claims: LedgerClaim[] } { return { events: [], claims: [] }; }
