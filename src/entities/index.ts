/**
 * Entities: within one document (local.ts: mentions -> LocalEntity) and across documents
 * (canonical.ts: one Entity per real-world actor, with its affiliation chain and side).
 */
export { resolveLocal } from './local.js';
export { canonicalize, type Canonical } from './canonical.js';
